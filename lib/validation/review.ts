import { z } from "zod";
import { DEADLINE_YEARS, decideSchema } from "./decision";
import { id, optionalWholeNumber } from "./fields";
import { LEARNED_MAX } from "./limits";

// The forms of a decision's review: its date (on the record form and later on the decision page),
// and each person's review of how the chosen option actually did.

export { LEARNED_MAX };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-02-30" has the right shape but is no day; only real calendar days pass. */
function isRealDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
}

/** A date field's value, "YYYY-MM-DD"; read as a day in the reader's time zone by the action. */
export const reviewDay = z
  .string({ error: "Enter the review date" })
  .trim()
  .refine((v) => isRealDay(v), "Enter a real date, like 2027-05-30")
  .refine(
    (v) => !isRealDay(v) || (Number(v.slice(0, 4)) >= DEADLINE_YEARS.min && Number(v.slice(0, 4)) <= DEADLINE_YEARS.max),
    `Choose a date between the years ${DEADLINE_YEARS.min} and ${DEADLINE_YEARS.max}`,
  );

/** On the record form the date may be left out (an API client, an old form): six months, then. */
export const optionalReviewDay = z.preprocess((v) => (v === "" ? undefined : v), reviewDay.optional());

/** The record form: the ADR and when the team looks back at it. */
export const recordDecisionSchema = decideSchema.extend({ reviewOn: optionalReviewDay });
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

const decisionRef = { teamId: id("team"), decisionId: id("decision") };

export const setReviewDateSchema = z.object({ ...decisionRef, reviewOn: reviewDay });
export type SetReviewDateInput = z.infer<typeof setReviewDateSchema>;

const REVIEW_SCORE = "Choose how it did, from 1 to 5";

export const reviewSchema = z
  .object({
    ...decisionRef,
    // Left blank, a criterion is one the reviewer cannot judge; it is not counted as a score.
    scores: z
      .record(z.uuid({ error: "Unknown criterion" }), optionalWholeNumber({ invalid: REVIEW_SCORE, min: [1, REVIEW_SCORE], max: [5, REVIEW_SCORE] }))
      .default({}),
    learned: z.string().trim().max(LEARNED_MAX, `Use at most ${LEARNED_MAX} characters for what you learned`).default(""),
  })
  .superRefine((review, ctx) => {
    const scored = Object.values(review.scores).some((s) => s !== null && s !== undefined);
    if (!scored && review.learned === "") {
      ctx.addIssue({ code: "custom", path: ["learned"], message: "Score at least one criterion or say what you learned" });
    }
  })
  .transform(({ scores, ...rest }) => ({
    ...rest,
    scores: Object.fromEntries(Object.entries(scores).filter((entry): entry is [string, number] => typeof entry[1] === "number")),
  }));
export type ReviewInput = z.infer<typeof reviewSchema>;
