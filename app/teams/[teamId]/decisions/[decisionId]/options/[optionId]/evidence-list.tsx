import { Card, CardTitle } from "@/app/_components/ui";

/** The evidence links the members gave with their scores of this option: shown once the results are revealed. */
export function EvidenceList({ evidence, sealed, anonymous }: { evidence: { url: string | null; name: string }[]; sealed: boolean; anonymous: boolean }) {
  return (
    <Card aria-labelledby="evidence-heading">
      <CardTitle id="evidence-heading">Evidence from the scores</CardTitle>
      {sealed ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The links members give with their scores are sealed with the scores, and show here once the results are revealed.
        </p>
      ) : evidence.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nobody gave an evidence link for this option.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {evidence.map((item, i) => (
            <li key={`${item.url}-${i}`} className="break-words">
              <a href={item.url!} rel="noopener nofollow ugc" target="_blank" className="text-brand-600 underline dark:text-brand-100">
                {item.url}
              </a>
              {anonymous ? null : <span className="text-slate-600 dark:text-slate-400"> · {item.name}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
