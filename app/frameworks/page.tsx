import type { Metadata } from "next";
import { Badge, buttonClass, inputClass, PageHeader } from "@/app/_components/ui";
import { getDb } from "@/db";
import { listFrameworks } from "@/db/queries/frameworks";
import { listTeamsForUser } from "@/db/queries/teams";
import { can } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Framework catalog" };

export default async function FrameworksPage() {
  const db = await getDb();
  const user = await currentUser();
  const [frameworks, teams] = await Promise.all([listFrameworks(db), user ? listTeamsForUser(db, user.id) : Promise.resolve([])]);
  const startable = teams.filter((t) => can(t.role, "decision.create"));
  return (
    <>
      <PageHeader
        title="Framework catalog"
        description="The backend frameworks a team can shortlist in a decision, with the language they use and companies reported to run them."
      />
      {/* A plain GET form: ticking frameworks and starting a decision works without JavaScript. */}
      <form method="get" action="/frameworks/start">
        <ul className="grid gap-4 sm:grid-cols-2">
          {frameworks.map((f) => (
            <li key={f.slug}>
              <article
                aria-labelledby={`fw-${f.slug}`}
                className="h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`fw-${f.slug}`} className="text-lg font-semibold">
                    {startable.length > 0 ? (
                      <label className="flex items-center gap-2">
                        <input type="checkbox" name="framework" value={f.slug} className="h-4 w-4 accent-brand-600" />
                        {f.name}
                        <span className="sr-only">: shortlist it</span>
                      </label>
                    ) : (
                      f.name
                    )}
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
        <div className="sticky bottom-0 mt-6 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3 text-sm dark:border-slate-800 dark:bg-slate-950/95">
          {startable.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-400">
              {user ? "Join or create a team to start a decision from here." : "Sign in to tick frameworks here and start a decision with them shortlisted."}
            </p>
          ) : (
            <>
              {startable.length === 1 ? (
                <input type="hidden" name="team" value={startable[0]!.id} />
              ) : (
                <label className="flex items-center gap-2">
                  Team
                  <select name="team" className={inputClass}>
                    {startable.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button type="submit" className={buttonClass()}>
                Start a decision with the ticked frameworks
              </button>
            </>
          )}
        </div>
      </form>
    </>
  );
}
