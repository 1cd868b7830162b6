import type { Metadata } from "next";
import { Badge, PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { listFrameworks } from "@/db/queries/frameworks";

export const metadata: Metadata = { title: "Framework catalog" };

export default async function FrameworksPage() {
  const frameworks = await listFrameworks(await getDb());
  return (
    <>
      <PageHeader
        title="Framework catalog"
        description="The backend frameworks a team can shortlist in a decision, with the language they use and companies reported to run them."
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {frameworks.map((f) => (
          <li key={f.slug}>
            <article
              aria-labelledby={`fw-${f.slug}`}
              className="h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id={`fw-${f.slug}`} className="text-lg font-semibold">
                  {f.name}
                </h2>
                <div className="flex gap-1.5">
                  <Badge tone="brand">{f.language}</Badge>
                  {f.runtime ? <Badge>{f.runtime}</Badge> : null}
                </div>
              </div>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{f.description}</p>
              <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Notable users</h3>
              <ul className="mt-1 space-y-0.5 text-sm">
                {f.notableUsers.map((u) => (
                  <li key={u.name}>
                    <span className="font-medium">{u.name}</span> <span className="text-slate-600 dark:text-slate-400">for {u.usage}</span>
                  </li>
                ))}
              </ul>
              <a href={f.website} className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-100" rel="noreferrer">
                {new URL(f.website).hostname}
                <span className="sr-only"> ({f.name} website)</span>
              </a>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
