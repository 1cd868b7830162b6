import { notFound } from "next/navigation";
import { LiveUpdates } from "@/app/_components/live-updates";
import { decisionLiveUrl } from "@/lib/domain/live-updates";
import { BackLink, PageHeader } from "@/app/_components/ui";
import { roundDistribution } from "@/db/queries/ballots";
import { scoreSheetSource } from "@/db/queries/sheet-source";
import { canOnDecision } from "@/lib/auth/roles";
import { acceptsScores } from "@/lib/domain/phases";
import { followPageData } from "@/lib/services/pages/follow-page";
import { FollowAlong } from "../follow-along";
import { loadDecisionPage } from "../load";
import { NextStep } from "../next-step";
import { WithdrawSheetForm } from "../undo-forms";
import { type Cell, ScoreSheet } from "./score-sheet";
import { decisionPageMetadata } from "@/lib/entry/pages";

export const generateMetadata = ({ params }: { params: Promise<{ teamId: string; decisionId: string }> }) => decisionPageMetadata(params, "Scores");

export default async function ScoresPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { view, db, user, access, decision, teamId, base } = await loadDecisionPage(params, "/scores");
  // Someone who cannot vote gets a page to follow the scoring from, not a sheet they cannot fill in.
  if (!canOnDecision(access.role, access.facilitates, "decision.vote")) {
    const data = await followPageData(view);
    if (!data) notFound();
    return (
      <>
        <LiveUpdates url={decisionLiveUrl(teamId, decision.id)} after={view.lastEventId} phase={decision.status} />
        <FollowAlong decision={decision} base={base} sheet="scores" data={data} now={view.now} />
      </>
    );
  }
  const round = decision.currentRound;
  const [{ own, ...structure }, previous] = await Promise.all([
    scoreSheetSource(db, decision.id, user.id, round > 1 ? [round, round - 1] : [round]),
    roundDistribution(db, decision, round - 1),
  ]);
  const mine = { scores: own.filter((s) => s.round === round) };
  const previousMine = round > 1 ? { scores: own.filter((s) => s.round === round - 1) } : null;
  const open = acceptsScores(decision.status);
  // In a new round the sheet starts from the person's own previous scores: they change what moved them.
  const startFrom = mine.scores.length > 0 || !previousMine ? mine.scores : previousMine.scores;
  const saved = new Map(startFrom.map((s) => [`${s.optionId}.${s.criterionId}`, s]));
  const initial: (Cell | null)[] = structure.options.flatMap((o) =>
    structure.criteria.map((c) => {
      const s = saved.get(`${o.id}.${c.id}`);
      return s ? { score: s.score, ...(s.comment ? { comment: s.comment } : {}), ...(s.evidenceUrl ? { evidence: s.evidenceUrl } : {}) } : null;
    }),
  );
  // Only what the sheet shows of each option and criterion: the props travel in the page.
  const item = ({ id, name, description }: { id: string; name: string; description: string | null }) => ({ id, name, description: description ?? "" });
  return (
    <>
      <BackLink href={base}>{decision.title}</BackLink>
      <PageHeader
        title={round > 1 ? `Score the options: round ${round}` : "Score the options"}
        description={
          round > 1
            ? `Round ${round - 1} showed where the team disagrees. Beside each cell is how everyone scored it last time; your own previous scores are filled in. Change what you now see differently, then save. New scores stay sealed until the next reveal.`
            : "Score every option on every criterion. Your scores stay sealed until the reveal, so nobody anchors on anyone else."
        }
      />
      <LiveUpdates
        url={decisionLiveUrl(teamId, decision.id)}
        after={view.lastEventId}
        phase={decision.status}
        sheet={open ? "scores" : undefined}
        decisionHref={`/teams/${teamId}/decisions/${decision.id}`}
      />
      {!open ? (
        <p role="status" className="mb-6 rounded-lg bg-slate-100 px-3 py-2 text-sm dark:bg-slate-800">
          {decision.status === "weighting" || decision.status === "draft"
            ? "Scoring has not opened yet."
            : "Scoring is closed: these are the scores you submitted."}
        </p>
      ) : null}
      <ScoreSheet
        teamId={teamId}
        decisionId={decision.id}
        options={structure.options.map(item)}
        criteria={structure.criteria.map(item)}
        initial={initial}
        previous={Object.fromEntries(previous)}
        previousRound={round - 1}
        unsavedRound={round > 1 && mine.scores.length === 0 && open}
        submitted={mine.scores.length > 0}
        readOnly={!open}
        afterSave={<NextStep part="scores" decision={decision} base={base} />}
        allNotes={(await searchParams).notes === "all"}
      />
      {open && mine.scores.length > 0 ? (
        <div className="mt-6">
          <WithdrawSheetForm teamId={teamId} decisionId={decision.id} kind="scores" />
        </div>
      ) : null}
    </>
  );
}
