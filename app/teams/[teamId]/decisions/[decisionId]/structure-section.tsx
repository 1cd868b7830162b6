import { Card, CardTitle } from "@/app/_components/ui";
import type { OverviewCriterion, OverviewOption } from "@/db/queries/decisions";
import { Paragraphs } from "./paragraphs";

/**
 * What is being decided: the context, the options and the criteria. `context` is null when the
 * decision record above already says the same, so a decided decision does not show it twice.
 */
export function StructureSection({ context, options, criteria }: { context: string | null; options: OverviewOption[]; criteria: OverviewCriterion[] }) {
  return (
    <>
      {context === null ? null : (
        <Card aria-labelledby="context-heading">
          <CardTitle id="context-heading">Context</CardTitle>
          {context ? <Paragraphs text={context} /> : <p className="text-slate-500 dark:text-slate-400">No context written.</p>}
        </Card>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <Card aria-labelledby="options-heading">
          <CardTitle id="options-heading">Options ({options.length})</CardTitle>
          <ul className="space-y-3">
            {options.map((o) => (
              <li key={o.id}>
                <div className="font-medium">
                  {o.link ? (
                    <a href={o.link} rel="noreferrer" className="hover:underline">
                      {o.name}
                    </a>
                  ) : (
                    o.name
                  )}
                  {o.frameworkSlug ? null : <span className="ml-2 text-xs text-slate-500">custom</span>}
                </div>
                {o.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{o.description}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
        <Card aria-labelledby="criteria-heading">
          <CardTitle id="criteria-heading">Criteria ({criteria.length})</CardTitle>
          <ul className="space-y-3">
            {criteria.map((c) => (
              <li key={c.id}>
                <div className="font-medium">{c.name}</div>
                {c.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{c.description}</p> : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
