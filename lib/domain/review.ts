// Looking back at a recorded decision: when the review is due, and how the chosen option actually
// did against what the team expected of it when deciding. Pure; the services pass the numbers in.

/** How long after deciding a team looks back by default. */
export const REVIEW_AFTER_MONTHS = 6;

/**
 * How far, on the 1-5 scale, the reviewed mean may stray from the expected one and still count as
 * "held". Three quarters of a point is most of a step on a five-step scale: a whole team moving a
 * quarter or half a point is noise between reviewers, while three quarters means that on average
 * most reviewers put the option a full step away from where the deciding round put it.
 */
export const REVIEW_MISS_THRESHOLD = 0.75;

export type ReviewVerdict = "held" | "too_optimistic" | "too_pessimistic";

export const REVIEW_VERDICT_LABELS: Readonly<Record<ReviewVerdict, string>> = {
  held: "Held",
  too_optimistic: "Too optimistic",
  too_pessimistic: "Too pessimistic",
};

/** `months` calendar months after `from`, at the same UTC time; a day the month lacks becomes its last (31 Aug → 28 Feb). */
export function addMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(from.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
}

/** The review date a decision gets when nobody chooses one. */
export function defaultReviewDue(decidedAt: Date): Date {
  return addMonths(decidedAt, REVIEW_AFTER_MONTHS);
}

/** The calendar day ("2026-05-30") that `date` falls on in `zone`. */
export function calendarDayIn(date: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Minutes `zone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The first moment of the calendar day `day` ("YYYY-MM-DD") in `zone`: when a review set for that day falls due. */
export function startOfDayIn(day: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const midnightUtc = Date.UTC(year!, month! - 1, date!);
  // The zone's offset at its own midnight; asked twice because the first guess may sit across a clock change.
  const first = midnightUtc - offsetMinutes(new Date(midnightUtc), zone) * 60_000;
  return new Date(midnightUtc - offsetMinutes(new Date(first), zone) * 60_000);
}

/** Where the reviewed mean lands against the expected one; null when either is missing. */
export function reviewVerdict(expected: number | null, reviewed: number | null): ReviewVerdict | null {
  if (expected === null || reviewed === null) return null;
  const difference = reviewed - expected;
  // Rounded first so that 3.75 against 3 counts as the three quarters it is, not as 0.7499999.
  const rounded = Math.round(difference * 1000) / 1000;
  if (rounded <= -REVIEW_MISS_THRESHOLD) return "too_optimistic";
  if (rounded >= REVIEW_MISS_THRESHOLD) return "too_pessimistic";
  return "held";
}

export type CriterionExpectation = { criterionId: string; name: string; expected: number | null };
export type ReviewScores = { scores: Readonly<Record<string, number>> };

export type CriterionComparison = CriterionExpectation & {
  /** Mean of the reviewers' scores on this criterion; null when nobody scored it. */
  reviewed: number | null;
  reviewers: number;
  /** reviewed − expected; negative when the option did worse than the team expected. */
  difference: number | null;
  verdict: ReviewVerdict | null;
};

/** Per criterion, in the decision's order: the team's expectation of the chosen option beside how it did. */
export function compareReview(expectations: readonly CriterionExpectation[], reviews: readonly ReviewScores[]): CriterionComparison[] {
  return expectations.map((c) => {
    const given = reviews.map((r) => r.scores[c.criterionId]).filter((s): s is number => typeof s === "number");
    const reviewed = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : null;
    const difference = reviewed !== null && c.expected !== null ? reviewed - c.expected : null;
    return { ...c, reviewed, reviewers: given.length, difference, verdict: reviewVerdict(c.expected, reviewed) };
  });
}
