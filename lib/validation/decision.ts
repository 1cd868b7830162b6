import { z } from "zod";
import { id, optionalWholeNumber, wholeNumber, wholeNumberOr } from "./fields";
import { LIMITS } from "./limits";

export { LIMITS };

const trimmed = (max: number, label: string) => z.string().trim().max(max, `Use at most ${max} characters for ${label}`);

const optionalUrl = z.preprocess(
  (v) => v ?? "",
  z
    .string()
    .trim()
    .max(LIMITS.link, `Use at most ${LIMITS.link} characters for the link`)
    .refine((v) => v === "" || isWebAddress(v), "Enter a full web address starting with http:// or https://")
    .transform((v) => (v === "" ? null : v)),
);

// The whole value, start to end, is one address: no spaces or control characters anywhere.
const WEB_ADDRESS = /^https?:\/\/[^\s\u0000-\u001f\u007f]+\.[^\s\u0000-\u001f\u007f]+$/i;

function isWebAddress(value: string): boolean {
  if (!WEB_ADDRESS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Form rows arrive as { "0": {...}, "1": {...} }; blank rows are dropped before validation. */
function rows<T extends z.ZodType>(row: T, isBlank: (value: Record<string, unknown>) => boolean) {
  return z.preprocess((value) => {
    if (value === undefined || value === "") return [];
    const list = Array.isArray(value) ? value : typeof value === "object" && value ? Object.values(value) : value;
    return Array.isArray(list) ? list.filter((r) => !(typeof r === "object" && r && isBlank(r as Record<string, unknown>))) : list;
  }, z.array(row));
}

const blank =
  (...keys: string[]) =>
  (r: Record<string, unknown>) =>
    keys.every((k) => typeof r[k] !== "string" || (r[k] as string).trim() === "");

const customOption = z.object({
  name: trimmed(LIMITS.name, "an option's name").min(1, "Give this option a name, or clear the row"),
  description: trimmed(LIMITS.description, "a description").default(""),
  link: optionalUrl,
});

const criterion = z.object({
  name: trimmed(LIMITS.name, "a criterion's name").min(1, "Give this criterion a name, or remove it"),
  description: trimmed(LIMITS.description, "a description").default(""),
});

const slugs = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(60)));

/** Deadlines are for this millennium: far enough for any plan, and always a valid database timestamp. */
export const DEADLINE_YEARS = { min: 2000, max: 2999 } as const;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-02-30T25:00" has the right shape but names no moment; only real calendar times pass. */
function isRealDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour! <= 23 && minute! <= 59 && second! <= 59;
}

const yearOf = (value: string) => Number(value.slice(0, 4));

/** A datetime-local value, read in the browser's time zone (minutes east of UTC, from the form). */
const optionalDeadline = z
  .string()
  .trim()
  .refine((v) => v === "" || isRealDateTime(v), "Enter a real date and time")
  .refine(
    (v) => v === "" || !isRealDateTime(v) || (yearOf(v) >= DEADLINE_YEARS.min && yearOf(v) <= DEADLINE_YEARS.max),
    `Choose a deadline between the years ${DEADLINE_YEARS.min} and ${DEADLINE_YEARS.max}`,
  )
  .optional();

/** Real time zones lie between UTC−14:00 and UTC+14:00, in steps of a quarter hour. */
const timezoneOffset = wholeNumberOr(0, { invalid: "Unknown time zone", min: [-840, "Unknown time zone"], max: [840, "Unknown time zone"] }).refine(
  (minutes) => minutes % 15 === 0,
  "Unknown time zone",
);

const INT4_MAX = 2_147_483_647;
const positiveCount = (what: string) => wholeNumber({ invalid: `Unknown ${what}`, min: [1, `Unknown ${what}`], max: [INT4_MAX, `Unknown ${what}`] });

function duplicates(names: string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names.map((n) => n.toLowerCase())) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

export const decisionDraftSchema = z
  .object({
    title: trimmed(LIMITS.title, "the title").min(1, "Give the decision a title"),
    context: trimmed(LIMITS.context, "the context").default(""),
    frameworks: slugs,
    customOptions: rows(customOption, blank("name", "description", "link")),
    criteria: rows(criterion, blank("name", "description")),
    anonymous: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    weightingDeadline: optionalDeadline,
    scoringDeadline: optionalDeadline,
    timezoneOffset,
  })
  .superRefine((draft, ctx) => {
    const optionCount = draft.frameworks.length + draft.customOptions.length;
    if (optionCount < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Shortlist at least two options to choose between" });
    if (optionCount > LIMITS.options) ctx.addIssue({ code: "custom", path: ["options"], message: `Shortlist at most ${LIMITS.options} options` });
    if (draft.criteria.length < 1) ctx.addIssue({ code: "custom", path: ["criteria"], message: "Keep at least one criterion" });
    if (draft.criteria.length > LIMITS.criteria) ctx.addIssue({ code: "custom", path: ["criteria"], message: `Use at most ${LIMITS.criteria} criteria` });
    const repeatedCriteria = duplicates(draft.criteria.map((c) => c.name));
    if (repeatedCriteria.size > 0) ctx.addIssue({ code: "custom", path: ["criteria"], message: "Each criterion needs a different name" });
    const repeatedOptions = duplicates(draft.customOptions.map((o) => o.name));
    if (repeatedOptions.size > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "Each custom option needs a different name" });
  })
  .transform(({ timezoneOffset, weightingDeadline, scoringDeadline, ...rest }) => ({
    ...rest,
    weightingDeadline: toInstant(weightingDeadline, timezoneOffset),
    scoringDeadline: toInstant(scoringDeadline, timezoneOffset),
  }));
export type DecisionDraftInput = z.infer<typeof decisionDraftSchema>;

function toInstant(local: string | undefined, offsetMinutes: number): Date | null {
  if (!local) return null;
  const utc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  return new Date(utc - offsetMinutes * 60_000);
}

export const createDecisionSchema = z.intersection(z.object({ teamId: id("team") }), decisionDraftSchema);
export type CreateDecisionInput = z.infer<typeof createDecisionSchema>;

export const editDecisionSchema = z.intersection(
  z.object({ teamId: id("team"), decisionId: id("decision"), version: positiveCount("version") }),
  decisionDraftSchema,
);
export type EditDecisionInput = z.infer<typeof editDecisionSchema>;

const decisionRef = { teamId: id("team"), decisionId: id("decision") };

export const advancePhaseSchema = z.object({
  ...decisionRef,
  // The phase the person saw: if someone else moved it meanwhile, nothing happens twice.
  from: z.enum(["draft", "weighting", "scoring", "revealed"], { error: "Unknown phase" }),
});

export const withdrawSchema = z.object({ ...decisionRef, reason: trimmed(500, "the reason").default("") });

export const weightSheetSchema = z.object({
  ...decisionRef,
  weights: z.record(
    z.uuid({ error: "Unknown criterion" }),
    wholeNumber({
      invalid: "Give a weight from 0 to 10",
      fraction: "Use a whole number from 0 to 10",
      min: [0, "Weights go from 0 to 10"],
      max: [10, "Weights go from 0 to 10"],
    }),
    { error: "Give a weight for each criterion" },
  ),
});
export type WeightSheetInput = z.infer<typeof weightSheetSchema>;

const SCORE_RANGE = "Choose a score from 1 to 5";

const scoreCell = z.object({
  score: optionalWholeNumber({ invalid: SCORE_RANGE, min: [1, SCORE_RANGE], max: [5, SCORE_RANGE] }),
  comment: trimmed(LIMITS.comment, "a comment").default(""),
  evidence: optionalUrl,
});

export const scoreSheetSchema = z
  .object({
    ...decisionRef,
    scores: z.record(z.uuid({ error: "Unknown option" }), z.record(z.uuid({ error: "Unknown criterion" }), scoreCell)).default({}),
  })
  .transform(({ scores, ...rest }) => ({
    ...rest,
    cells: Object.entries(scores).flatMap(([optionId, byCriterion]) =>
      Object.entries(byCriterion).map(([criterionId, cell]) => ({ optionId, criterionId, ...cell })),
    ),
  }));
export type ScoreSheetInput = z.infer<typeof scoreSheetSchema>;

export const decideSchema = z.object({
  ...decisionRef,
  chosenOptionId: id("option"),
  justification: trimmed(2000, "the justification").default(""),
  context: trimmed(LIMITS.context, "the context").min(1, "Describe the context: the problem this decision answers"),
  decision: trimmed(LIMITS.context, "the decision").min(1, "State the decision and why it was taken"),
  consequencesGood: trimmed(LIMITS.context, "the good consequences").min(1, "Name at least one good consequence"),
  consequencesBad: trimmed(LIMITS.context, "the bad consequences").min(1, "Name at least one cost or risk: every choice has some"),
});
export type DecideInput = z.infer<typeof decideSchema>;

export const openNextRoundSchema = z.object({ ...decisionRef, round: positiveCount("round") });

export const supersedeSchema = z.object({ ...decisionRef, supersededById: id("decision") });
export const deprecateSchema = z.object(decisionRef);
export const amendOutcomeSchema = z.object({
  ...decisionRef,
  text: trimmed(LIMITS.context, "the amendment").min(1, "Say what changes in the record"),
  reason: trimmed(1000, "the reason").min(1, "Say why the record is amended"),
});
export type AmendOutcomeInput = z.infer<typeof amendOutcomeSchema>;
/** Reminding those who have not submitted: which decision, nothing else. */
export const remindSchema = z.object(decisionRef);

export const historyFilterSchema = z.object({
  status: z.enum(["draft", "weighting", "scoring", "revealed", "decided", "withdrawn"]).optional().catch(undefined),
  q: z.string().trim().max(120).optional().catch(undefined),
});
