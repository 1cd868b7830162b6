import "server-only";
import { z } from "zod";
import {
  earlierRoundCells,
  memberSheet,
  type Named,
  outcomeSummary,
  packableCells,
  packedBallots,
  resultsStructure,
  type RoundCellRow,
  type SheetCell,
  unpackScores,
  unpackWeights,
} from "../../db/queries/results";
import { type DecisionStatus, isSealed } from "../domain/phases";
import type { Tally, TallyInput } from "../domain/tally";
import { type RoundStanding, roundStandings } from "../domain/tally-rounds";
import { cellOf, scorerCount, tallyOfSheets } from "../domain/tally-sheets";
import { type ScoreBasis, scoreBasis } from "../domain/what-if";
import { DamagedSnapshotError, decisionSnapshotSchema } from "../validation/decision-snapshot";
import type { DecisionView } from "./access";
import { sharedWhileRevealed } from "./revealed-figures-cache";

// Everything the results page shows, in a bounded number of queries (at most four here, after the
// access check), whatever the number of members: the tally is computed from sheets packed by the
// database (see db/queries/results.ts), and only the one person asked for is read in full.

export type ResultsPerson = { member: Named; scores: SheetCell[] };

export type Results = { kind: "sealed" } | { kind: "withdrawn" } | ShownResults;

export type ShownResults = {
  kind: "revealed" | "decided";
  /** When the outcome was recorded; null until then. */
  decidedAt: Date | null;
  options: Named[];
  criteria: Named[];
  /** Everyone who took part, by name. */
  members: Named[];
  tally: Tally;
  basis: ScoreBasis;
  /** Every round's ranking, the last one the tally's. */
  rounds: { round: number; standings: RoundStanding[] }[];
  weighers: number;
  scorers: number;
  /** The person asked for, with their scores; null when nobody is, or the decision is anonymous. */
  person: ResultsPerson | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Before the reveal, or after a withdrawal, nothing is shown and nothing read: which of the two, or null. */
function hiddenResults(status: DecisionStatus): { kind: "sealed" } | { kind: "withdrawn" } | null {
  if (status === "withdrawn") return { kind: "withdrawn" };
  return isSealed(status) ? { kind: "sealed" } : null;
}

export async function loadResults(view: DecisionView, ask: { personId?: string | null } = {}): Promise<Results> {
  const { decision } = view;
  const hidden = hiddenResults(decision.status);
  if (hidden) return hidden;
  // Nobody is shown by name in an anonymous decision, so nobody is looked up.
  const personId = !decision.anonymous && ask.personId && UUID.test(ask.personId) ? ask.personId : null;
  return decision.status === "decided" ? decidedResults(view, personId) : revealedResults(view, personId);
}

/** What the charts draw: the tally and who took part, without the earlier rounds, counts or a person. */
export type ResultsTally = { kind: "sealed" } | { kind: "withdrawn" } | { kind: "revealed" | "decided"; criteria: Named[]; members: Named[]; tally: Tally };

/** The tally alone, in two statements at most after the access check (one for a decided decision). */
export async function loadResultsTally(view: DecisionView): Promise<ResultsTally> {
  const { decision } = view;
  const hidden = hiddenResults(decision.status);
  if (hidden) return hidden;
  if (decision.status === "decided") {
    const { criteria, members, tally } = await decidedSnapshot(view, null);
    return { kind: "decided", criteria, members, tally };
  }
  const { criteria, members, tally } = await revealedFigures(view);
  return { kind: "revealed", criteria, members, tally };
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function earlierRounds(structure: { options: Named[]; criteria: Named[] }, groupWeights: readonly number[], rows: RoundCellRow[], finalRound: number) {
  const option = new Map(structure.options.map((o, i) => [o.id, i]));
  const criterion = new Map(structure.criteria.map((c, i) => [c.id, i]));
  const cellCount = structure.options.length * structure.criteria.length;
  const rounds = Array.from({ length: finalRound - 1 }, () => ({ counts: new Float64Array(cellCount), sums: new Float64Array(cellCount) }));
  for (const row of rows) {
    const o = option.get(row.optionId);
    const c = criterion.get(row.criterionId);
    const cells = rounds[row.round - 1];
    if (o === undefined || c === undefined || !cells) continue;
    const cell = cellOf(o, c, structure.criteria.length);
    cells.counts[cell] = row.n;
    cells.sums[cell] = row.total;
  }
  return rounds.map((cells, i) => ({ round: i + 1, standings: roundStandings(structure, groupWeights, cells) }));
}

const standingsOf = (tally: Tally): RoundStanding[] => tally.options.map(({ optionId, score, rank }) => ({ optionId, score, rank }));

/** The tally from every member's packed sheet in the current round, with the sheets it was counted from. */
async function revealedTally(view: DecisionView) {
  const { db, decision } = view;
  const [structure, packed] = await Promise.all([resultsStructure(db, decision.id), packedBallots(db, decision.id, decision.currentRound)]);
  const { options, criteria } = structure;
  if (!packableCells(options.length, criteria.length)) throw new RangeError(`A decision of ${options.length} × ${criteria.length} cells is too large to tally`);
  packed.sort(byName);
  const members = packed.map(({ id, name }) => ({ id, name }));
  const criterionCount = criteria.length;
  const cellCount = options.length * criterionCount;
  const weights: TallyInput["weights"] = [];
  const sheets = new Uint8Array(members.length * cellCount);
  packed.forEach((row, member) => {
    unpackWeights(row.weights, (c, weight) => weights.push({ memberId: row.id, criterionId: criteria[c]!.id, weight }));
    unpackScores(row.scores, (cell, score) => {
      const slot = member * cellCount + cell;
      // The primary key allows one score per member and cell; two would be a bug, as tally() says.
      if (sheets[slot] !== 0) throw new RangeError(`Member ${row.id} scored one cell twice`);
      sheets[slot] = score;
    });
  });
  const input = { options, criteria, members, weights, sheets };
  return { input, tally: tallyOfSheets(input) };
}

/** A revealed decision's figures for everyone who opens it: the same for each of them until it leaves the reveal. */
type RevealedFigures = Pick<ShownResults, "options" | "criteria" | "members" | "tally" | "basis" | "weighers" | "scorers">;

function revealedFigures(view: DecisionView): Promise<RevealedFigures> {
  return sharedWhileRevealed(view, async () => {
    const { input, tally } = await revealedTally(view);
    const { options, criteria, members } = input;
    return {
      options,
      criteria,
      members,
      tally,
      basis: scoreBasis({ ...input, scores: [] }, tally),
      weighers: Object.keys(tally.memberWeights).length,
      scorers: scorerCount(input),
    };
  });
}

async function revealedResults(view: DecisionView, personId: string | null): Promise<Results> {
  const { db, decision } = view;
  const round = decision.currentRound;
  const [figures, earlier, sheet] = await Promise.all([
    revealedFigures(view),
    earlierRoundCells(db, decision.id, round),
    personId ? memberSheet(db, decision.id, round, personId) : Promise.resolve([]),
  ]);
  const { options, criteria, members, tally } = figures;
  const groupWeights = criteria.map((c) => tally.groupWeights[c.id]!);
  const member = personId ? members.find((m) => m.id === personId) : undefined;
  return {
    ...figures,
    kind: "revealed",
    decidedAt: null,
    rounds: [...earlierRounds({ options, criteria }, groupWeights, earlier, round), { round, standings: standingsOf(tally) }],
    person: member ? { member, scores: sheet } : null,
  };
}

const snapshotHead = decisionSnapshotSchema.omit({ inputs: true });
const snapshotInputs = decisionSnapshotSchema.shape.inputs.shape;

function parsed<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  throw new DamagedSnapshotError(`${[where, ...first.path.map(String)].filter(Boolean).join(".") || "the whole record"}: ${first.message}`);
}

/** The decided decision's frozen outcome: its head (tally, options, criteria, round) and who took part. */
async function decidedSnapshot(view: DecisionView, personId: string | null) {
  const row = await outcomeSummary(view.db, view.decision.id, { scorers: false, personId });
  // A decided decision without its outcome row cannot be: the two are written in one transaction.
  if (!row) throw new DamagedSnapshotError("the recorded outcome is missing");
  const head = parsed(snapshotHead, row.head, "");
  const members = parsed(snapshotInputs.members, row.members, "inputs.members");
  const options = head.options.map(({ id, name }) => ({ id, name }));
  const criteria = head.criteria.map(({ id, name }) => ({ id, name }));
  return { row, head, members, options, criteria, tally: head.tally };
}

/** A decided decision shows its frozen snapshot: the record never changes when anything else does. */
async function decidedResults(view: DecisionView, personId: string | null): Promise<Results> {
  const { db, decision } = view;
  const { row, head, members, options, criteria, tally } = await decidedSnapshot(view, personId);
  const finalRound = head.round ?? 1;
  // Earlier rounds are ranked with the weights the decision was made with, the snapshot's.
  const groupWeights = criteria.map((c) => tally.groupWeights[c.id] ?? 0);
  // With every criterion weighing something, a member who scored anything has a ranking of their
  // own, so the ballots counted are the scorers (everyone who scored has a ballot: the ballot row is
  // written before the scores); otherwise they are counted from the snapshot's scores, a slow read.
  const [earlier, scorers] = await Promise.all([
    earlierRoundCells(db, decision.id, finalRound),
    groupWeights.every((w) => w > 0) ? tally.schulze.ballots : outcomeSummary(db, decision.id, { scorers: true, personId: null }).then((r) => r?.scorers ?? 0),
  ]);
  const member = personId ? members.find((m) => m.id === personId) : undefined;
  const scores = member ? parsed(snapshotInputs.scores, row.person ?? [], "inputs.scores") : [];
  const option = new Map(options.map((o, i) => [o.id, i]));
  const criterion = new Map(criteria.map((c, i) => [c.id, i]));
  const position = (s: SheetCell) => (option.get(s.optionId) ?? 0) * criteria.length + (criterion.get(s.criterionId) ?? 0);
  return {
    kind: "decided",
    decidedAt: new Date(row.decidedAt),
    options,
    criteria,
    members,
    tally,
    basis: scoreBasis({ options, criteria, members, weights: [], scores: [] }, tally),
    rounds: [...earlierRounds({ options, criteria }, groupWeights, earlier, finalRound), { round: finalRound, standings: standingsOf(tally) }],
    weighers: Object.keys(tally.memberWeights).length,
    scorers,
    person: member
      ? {
          member,
          scores: scores
            .map(({ optionId, criterionId, score, comment, evidenceUrl }) => ({ optionId, criterionId, score, comment, evidenceUrl }))
            .sort((a, b) => position(a) - position(b)),
        }
      : null,
  };
}
