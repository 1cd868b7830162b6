import { Link } from "@/app/_components/link";
import { buttonClass } from "./_components/ui";
import { currentUser } from "@/lib/auth/session";

const STEPS = [
  { title: "Shortlist", text: "Pick candidate frameworks from the catalog, or add your own, and agree on the criteria that matter." },
  { title: "Weigh and score, sealed", text: "Everyone weights the criteria and scores each option privately, so nobody anchors on the loudest voice." },
  { title: "Reveal and decide", text: "See the weighted result, a ranked cross-check and where the team disagrees, then record the decision and why." },
];

export default async function HomePage() {
  const user = await currentUser();
  return (
    <div className="space-y-16 py-6">
      <section className="max-w-3xl">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Make technology decisions as a team, and keep the record.</h1>
        <p className="mt-5 text-lg text-slate-600 dark:text-slate-400">
          Verdict takes a team from “which backend framework?” to a decision everyone can explain a year later: weighted criteria, sealed scores, a clear tally
          and an architecture decision record.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          {user ? (
            <Link href="/teams" className={buttonClass("primary")}>
              Go to your teams
            </Link>
          ) : (
            <>
              <Link href="/sign-up" className={buttonClass("primary")}>
                Create an account
              </Link>
              <Link href="/sign-in" className={buttonClass("secondary")}>
                Sign in
              </Link>
            </>
          )}
          <Link href="/frameworks" className={buttonClass("secondary")}>
            Browse frameworks
          </Link>
        </div>
      </section>
      <section aria-labelledby="how-heading">
        <h2 id="how-heading" className="sr-only">
          How it works
        </h2>
        <ol className="grid gap-6 md:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step.title} className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
              <span className="text-sm font-semibold text-brand-600 dark:text-brand-100">Step {i + 1}</span>
              <h3 className="mt-1 text-lg font-semibold">{step.title}</h3>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
