import { z } from "zod";
import { DECISION_STATUSES } from "../domain/phases";
import { adrNumber, slugify } from "./text";

// The JSON export of one decision: schema "verdict.decision", version 1. Documented field by field
// in docs/export-json-schema.md; keep the two in step, and bump DECISION_JSON_VERSION for any
// change a reader could trip over (a field removed, renamed or retyped).

export const DECISION_JSON_SCHEMA = "verdict.decision";
export const DECISION_JSON_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: false });
const uuidOrPseudonym = z.string().min(1);

const criterionResultSchema = z.strictObject({
  mean: z.number().nullable(),
  n: z.number().int().min(0),
  sd: z.number().nullable(),
  contribution: z.number().nullable(),
});

const optionResultSchema = z.strictObject({
  optionId: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  coverage: z.number(),
  spread: z.number().nullable(),
  perCriterion: z.record(z.string(), criterionResultSchema),
});

const matrixSchema = z.record(z.string(), z.record(z.string(), z.number()));

/** The tally as lib/domain/tally.ts computes it, with every record keyed in display order. */
export const tallySchema = z.strictObject({
  groupWeights: z.record(z.string(), z.number()),
  weightsFallback: z.boolean(),
  memberWeights: z.record(z.string(), z.record(z.string(), z.number())),
  options: z.array(optionResultSchema),
  winners: z.array(z.string()),
  tiedWinner: z.boolean(),
  memberRankings: z.record(z.string(), z.array(z.strictObject({ optionId: z.string(), score: z.number().nullable(), rank: z.number().int().nullable() }))),
  schulze: z.strictObject({
    winners: z.array(z.string()),
    ranking: z.array(z.strictObject({ optionId: z.string(), rank: z.number().int(), beats: z.number().int() })),
    pairwise: matrixSchema,
    strongestPaths: matrixSchema,
    ballots: z.number().int().min(0),
  }),
  borda: z.strictObject({
    winners: z.array(z.string()),
    points: z.record(z.string(), z.number()),
    ranking: z.array(z.strictObject({ optionId: z.string(), rank: z.number().int() })),
    ballots: z.number().int().min(0),
  }),
  crossCheck: z.strictObject({
    agrees: z.boolean(),
    weightedWinners: z.array(z.string()),
    schulzeWinners: z.array(z.string()),
    bordaWinners: z.array(z.string()),
    disagreements: z.array(z.string()),
  }),
  consensus: z.strictObject({ value: z.number(), label: z.enum(["strong", "moderate", "weak"]) }).nullable(),
});

export const ADR_STATUSES = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

export const scoreRowSchema = z.strictObject({
  /** null only in earlier rounds of an anonymous decided decision: see the docs. */
  memberId: uuidOrPseudonym.nullable(),
  optionId: z.string(),
  criterionId: z.string(),
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
});

export const decisionJsonSchema = z.strictObject({
  schema: z.literal(DECISION_JSON_SCHEMA),
  version: z.literal(DECISION_JSON_VERSION),
  decision: z.strictObject({
    id: z.uuid(),
    number: z.number().int().min(1),
    title: z.string(),
    context: z.string(),
    status: z.enum(DECISION_STATUSES),
    adrStatus: z.enum(ADR_STATUSES),
    anonymous: z.boolean(),
    currentRound: z.number().int().min(1),
    facilitator: z.string().nullable(),
    createdAt: isoInstant,
    revealedAt: isoInstant.nullable(),
    decidedAt: isoInstant.nullable(),
    deprecatedAt: isoInstant.nullable(),
    supersededBy: z.strictObject({ id: z.uuid(), number: z.number().int().min(1), title: z.string() }).nullable(),
  }),
  sealed: z.boolean(),
  frozen: z.boolean(),
  /** The team's history chain at export: its head hash and length (npm run history:verify -- --contains <head>). */
  chain: z.strictObject({ head: z.string(), events: z.number().int().min(0) }).nullable(),
  round: z.number().int().min(1).nullable(),
  options: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      link: z.string().nullable(),
      frameworkSlug: z.string().nullable(),
    }),
  ),
  criteria: z.array(z.strictObject({ id: z.string(), name: z.string(), description: z.string() })),
  members: z.array(z.strictObject({ id: uuidOrPseudonym, name: z.string() })),
  weights: z.array(z.strictObject({ memberId: uuidOrPseudonym, criterionId: z.string(), weight: z.number().int().min(0).max(10) })),
  rounds: z.array(z.strictObject({ round: z.number().int().min(1), scores: z.array(scoreRowSchema) })),
  tally: tallySchema.nullable(),
  outcome: z
    .strictObject({
      chosenOptionId: z.string(),
      chosenOptionName: z.string(),
      decidedAt: isoInstant,
      decidedBy: z.string().nullable(),
      topRanked: z.boolean(),
      record: z.strictObject({
        context: z.string(),
        decision: z.string(),
        consequencesGood: z.string(),
        consequencesBad: z.string(),
        justification: z.string().nullable(),
      }),
      amendments: z.array(z.strictObject({ at: isoInstant, by: z.string().nullable(), text: z.string(), reason: z.string() })),
      /** The review: its date, each review (by "Reviewer n" for an anonymous decision), and expectation against outcome per criterion. */
      review: z.strictObject({
        dueAt: isoInstant.nullable(),
        threshold: z.number(),
        reviews: z.array(
          z.strictObject({
            by: z.string(),
            at: isoInstant,
            learned: z.string(),
            scores: z.array(z.strictObject({ criterionId: z.string(), score: z.number().int().min(1).max(5) })),
          }),
        ),
        comparison: z.array(
          z.strictObject({
            criterionId: z.string(),
            name: z.string(),
            expected: z.number().nullable(),
            reviewed: z.number().nullable(),
            verdict: z.enum(["held", "too_optimistic", "too_pessimistic"]).nullable(),
          }),
        ),
      }),
    })
    .nullable(),
  history: z.array(
    z.strictObject({
      id: z.number().int(),
      type: z.string(),
      actor: z.string().nullable(),
      at: isoInstant,
      payload: z.record(z.string(), z.json()),
      hash: z.string(),
    }),
  ),
});

export type DecisionJson = z.infer<typeof decisionJsonSchema>;
export type ExportTally = z.infer<typeof tallySchema>;
export type ExportScore = z.infer<typeof scoreRowSchema>;

/** The document as bytes: two-space indents, LF line endings, one trailing newline. */
export function formatDecisionJson(doc: DecisionJson): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** "0003-backend-framework-for-the-payments-api.json", named like the ADR. */
export function decisionJsonFilename(doc: Pick<DecisionJson, "decision">): string {
  return `${adrNumber(doc.decision.number)}-${slugify(doc.decision.title)}.json`;
}
