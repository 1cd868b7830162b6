import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/ui";
import { ownBallot } from "@/db/queries/ballots";
import { loadStructure } from "@/db/queries/decisions";
import { can } from "@/lib/auth/roles";
import { acceptsScores } from "@/lib/domain/phases";
import { loadDecisionPage } from "../load";
import { type Cell, ScoreSheet } from "./score-sheet";

export const metadata: Metadata = { title: "Your scores" };

export default async function ScoresPage({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) {
  const { db, user, access, decision, teamId, base } = await loadDecisionPage(params, "/scores");
  const [structure, mine] = await Promise.all([loadStructure(db, decision.id), ownBallot(db, decision.id, user.id)]);
  const mayVote = can(access.role, "decision.vote");
  const open = acceptsScores(decision.status) && mayVote;
  const initial: Record<string, Cell> = Object.fromEntries(
    mine.scores.map((s) => [`${s.optionId}.${s.criterionId}`, { score: s.score, comment: s.comment ?? "", evidence: s.evidenceUrl ?? "" }]),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brand-600 hover:underline dark:text-brand-100">
          ← {decision.title}
        </Link>
      </p>
      <PageHeader title="Score the options" description="Score every option on every criterion. Your scores stay sealed until the reveal, so nobody anchors on anyone else." />
      {!mayVote ? (
        <p role="alert" className="mb-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Viewers follow along without voting.
        </p>
      ) : !open ? (
        <p role="status" className="mb-6 rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          {decision.status === "weighting" || decision.status === "draft" ? "Scoring has not opened yet." : "Scoring is closed: these are the scores you submitted."}
        </p>
      ) : null}
      <ScoreSheet
        teamId={teamId}
        decisionId={decision.id}
        options={structure.options}
        criteria={structure.criteria}
        initial={initial}
        readOnly={!open}
      />
    </>
  );
}
