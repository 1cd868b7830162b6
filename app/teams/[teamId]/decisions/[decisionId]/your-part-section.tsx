import Link from "next/link";
import { buttonClass, Card, CardTitle } from "@/app/_components/ui";
import { acceptsScores, acceptsWeights } from "@/lib/domain/phases";

/** What the signed-in person can do now: wait, weight, score or read the results. */
export function YourPartSection(props: { base: string; status: string; mayVote: boolean; weighted: boolean; scored: boolean }) {
  return (
    <Card aria-labelledby="part-heading">
      <CardTitle id="part-heading">Your part</CardTitle>
      <YourPart {...props} />
    </Card>
  );
}

function YourPart({ base, status, mayVote, weighted, scored }: { base: string; status: string; mayVote: boolean; weighted: boolean; scored: boolean }) {
  const link = (href: string, label: string, primary = true) => (
    <Link href={href} className={buttonClass(primary ? "primary" : "secondary", "w-full")}>
      {label}
    </Link>
  );
  if (status === "draft") return <p className="text-sm text-slate-600 dark:text-slate-400">The facilitator is still preparing the options and criteria.</p>;
  if (status === "revealed" || status === "decided") return link(`${base}/results`, "See the results");
  if (!mayVote) return <p className="text-sm text-slate-600 dark:text-slate-400">As a viewer you can follow along; only members vote.</p>;
  if (acceptsWeights(status as "weighting")) {
    return (
      <div className="space-y-2">
        <p className="text-sm">{weighted ? "You submitted your weights; you can still change them." : "How much does each criterion matter to you?"}</p>
        {link(`${base}/weights`, weighted ? "Change your weights" : "Weight the criteria")}
      </div>
    );
  }
  if (acceptsScores(status as "scoring")) {
    return (
      <div className="space-y-2">
        <p className="text-sm">{scored ? "You submitted your scores; you can still change them." : "Score every option on every criterion."}</p>
        {link(`${base}/scores`, scored ? "Change your scores" : "Score the options")}
        {weighted ? link(`${base}/weights`, "See your weights", false) : null}
      </div>
    );
  }
  return null;
}
