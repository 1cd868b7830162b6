import { z } from "zod";
import type { Tally } from "../domain/tally";

// The record frozen when a decision is decided (db/queries/outcomes.ts writes it into
// outcomes.snapshot). Stored JSON is read back through this schema, never cast: a damaged row
// fails here, with the path that is wrong, rather than as an undefined deep inside a page.

export const SNAPSHOT_VERSION = 1;

const id = z.string();
const numberBy = z.record(z.string(), z.number());
const nullableNumber = z.number().nullable();

const tallySchema = z.object({
  groupWeights: numberBy,
  weightsFallback: z.boolean(),
  memberWeights: z.record(z.string(), numberBy),
  options: z.array(
    z.object({
      optionId: id,
      name: z.string(),
      score: nullableNumber,
      rank: nullableNumber,
      coverage: z.number(),
      spread: nullableNumber,
      perCriterion: z.record(z.string(), z.object({ mean: nullableNumber, n: z.number(), sd: nullableNumber, contribution: nullableNumber })),
    }),
  ),
  winners: z.array(id),
  tiedWinner: z.boolean(),
  memberRankings: z.record(z.string(), z.array(z.object({ optionId: id, score: nullableNumber, rank: nullableNumber }))),
  schulze: z.object({
    winners: z.array(id),
    ranking: z.array(z.object({ optionId: id, rank: z.number(), beats: z.number() })),
    pairwise: z.record(z.string(), numberBy),
    strongestPaths: z.record(z.string(), numberBy),
    ballots: z.number(),
  }),
  borda: z.object({ winners: z.array(id), points: numberBy, ranking: z.array(z.object({ optionId: id, rank: z.number() })), ballots: z.number() }),
  crossCheck: z.object({
    agrees: z.boolean(),
    weightedWinners: z.array(id),
    schulzeWinners: z.array(id),
    bordaWinners: z.array(id),
    disagreements: z.array(z.string()),
  }),
  consensus: z.object({ value: z.number(), label: z.enum(["strong", "moderate", "weak"]) }).nullable(),
});

export const decisionSnapshotSchema = z.object({
  snapshotVersion: z.literal(SNAPSHOT_VERSION),
  takenAt: z.iso.datetime(),
  /** The scoring round whose scores decided it; absent in snapshots taken before re-votes existed, all round 1. */
  round: z.number().int().min(1).optional(),
  decision: z.object({ id, title: z.string(), context: z.string(), anonymous: z.boolean() }),
  options: z.array(z.object({ id, name: z.string(), description: z.string(), link: z.string().nullable(), frameworkSlug: z.string().nullable() })),
  criteria: z.array(z.object({ id, name: z.string(), description: z.string() })),
  inputs: z.object({
    members: z.array(z.object({ id, name: z.string() })),
    weights: z.array(z.object({ memberId: id, criterionId: id, weight: z.number() })),
    scores: z.array(
      z.object({
        memberId: id,
        optionId: id,
        criterionId: id,
        score: z.number(),
        comment: z.string().nullable(),
        evidenceUrl: z.string().nullable(),
      }),
    ),
  }),
  tally: tallySchema,
});
export type DecisionSnapshot = z.infer<typeof decisionSnapshotSchema>;

// The schema must describe what lib/domain computes: this fails to compile if the two drift apart.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tallyMatchesDomain: SameShape<z.infer<typeof tallySchema>, Tally> = true;
void tallyMatchesDomain;

export class DamagedSnapshotError extends Error {
  constructor(readonly detail: string) {
    super(`The decision's recorded outcome cannot be read: its frozen snapshot is damaged (${detail}).`);
    this.name = "DamagedSnapshotError";
  }
}

/** The stored snapshot, checked; a malformed one throws DamagedSnapshotError naming what is wrong. */
export function parseDecisionSnapshot(stored: unknown): DecisionSnapshot {
  const result = decisionSnapshotSchema.safeParse(stored);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  throw new DamagedSnapshotError(`${first.path.map(String).join(".") || "the whole record"}: ${first.message}`);
}
