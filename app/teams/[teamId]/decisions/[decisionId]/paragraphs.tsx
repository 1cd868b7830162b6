/** Plain text as paragraphs: a blank line starts a new one, single line breaks are kept. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div className="space-y-2 whitespace-pre-line text-slate-700 dark:text-slate-300">
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
