/**
 * How sensitive the weighted-score winner is to the criterion weights, one weight at a time.
 *
 * Definitions, made here once so every screen agrees:
 * - Weights are fractions summing to 1 (the given weights, normalised). Moving one criterion's
 *   weight to t keeps the others in their current proportions: each other weight w becomes
 *   w · (1 − t) / (1 − w₀), so the weights still sum to 1. If the criterion holds all the weight
 *   (w₀ = 1) the others have no proportions to keep, and they share 1 − t equally.
 * - The winner "holds" at a weighting when no option is ranked above it: it is first alone or
 *   joint first, by the tie rule of `tally` (within `TIE_TOLERANCE` of the top score). So the ends
 *   of an interval are the weights where another option draws level, and just beyond an end that
 *   option leads outright: it "takes over".
 * - With a tie at the top there is no single winner to overturn: the report says so
 *   (`status: "tie"`), has no smallest flip, and gives the intervals for one of the tied winners
 *   (the first in basis order, or the one named) within which it stays joint or sole winner.
 * - An interval is the stretch around the current weight where the winner holds throughout. With
 *   partial coverage the winner can, rarely, regain first place further out; that is not counted.
 *
 * Method: exact breakpoints, then checking. With renormalisation over the criteria with data an
 * option's score along the path is linear-fractional, S(t) = N(t) / M(t) with N and M linear in t
 * (M is constant, so S linear, when the option has data on every criterion), so the winner and an
 * option i draw level where N_w·M_i − N_i·M_w = 0: a quadratic (linear with full coverage), solved
 * in closed form. Those roots, with 0, 1 and the current weight, cut [0, 1] into pieces on which
 * nothing can change; each piece is then checked with `weightedScore` itself, at its midpoint, so
 * a spurious or missed root (say, a double root lost to rounding) cannot give a wrong interval.
 * The ends reported are the roots themselves, exact up to floating-point rounding (about 1e-12).
 *
 * One edge: at exactly 0 or 1 an option can lose its score altogether (all its data is on criteria
 * that then weigh nothing). If that happens to the winner, the interval still ends at 0 or 1 but
 * that end has a takeover: the option that leads there. Otherwise a takeover at an end of 0 or 1 is
 * null, and both ends are inclusive.
 */
import { TIE_TOLERANCE } from "./statistics";
import { weightedScore } from "./weighted-score";
import { flatMeans, type ScoreBasis, weightVector, winnersInto } from "./what-if";

export type WeightInterval = {
  criterionId: string;
  /** The criterion's current weight as a fraction, low ≤ weight ≤ high. */
  weight: number;
  /** The weights (fractions, inclusive) between which the winner holds. */
  low: number;
  high: number;
  /**
   * The option leading just below `low`; null when the winner holds all the way down to 0. With
   * `low` = 0 and a takeover, the winner holds down to but not at 0, where it has no score.
   */
  belowTakeover: string | null;
  /** Likewise just above `high`, and at 1. */
  aboveTakeover: string | null;
};

/**
 * The smallest single-weight change that changes the winner: at `to` the winner and `newWinnerId`
 * draw level, and any further `newWinnerId` leads (or, with `to` at 0 or 1, the winner has no
 * score there). `delta` = |to − from|; it can be 0 when the winner sits right on a breakpoint,
 * which is why the direction is spelled out.
 */
export type WeightFlip = {
  criterionId: string;
  direction: "raise" | "lower";
  from: number;
  to: number;
  newWinnerId: string;
  delta: number;
};

export type SensitivityReport = {
  /** "none": no option has a score, so nothing to analyse. */
  status: "unique" | "tie" | "none";
  /** The current winners, in basis order. */
  winners: string[];
  /** The winner the intervals follow; null when status is "none". */
  subjectId: string | null;
  /** One per criterion, in basis order; empty when status is "none". */
  criteria: WeightInterval[];
  /** Null when no single weight change overturns the winner, and always with a tie or no winner. */
  smallestFlip: WeightFlip | null;
};

/** The step past a breakpoint (at most halfway to the next) taken to see who leads beyond it. */
const LOOK_BEYOND = 1e-6;
/** A quadratic coefficient this small next to the others is rounding noise: solve the linear part. */
const NEGLIGIBLE = 1e-12;
/** Deltas closer than this are the same change, seen from two criteria or through rounding. */
const SAME_DELTA = 1e-12;

/** Scores along the path of one criterion's weight, in reused arrays. */
class WeightPath {
  readonly weights: Float64Array;
  readonly rest: Float64Array;
  readonly scores: Float64Array;
  criterion = 0;

  constructor(
    readonly means: Float64Array,
    readonly base: Float64Array,
    readonly optionCount: number,
  ) {
    this.weights = new Float64Array(base.length);
    this.rest = new Float64Array(base.length);
    this.scores = new Float64Array(optionCount);
  }

  /** Follow `criterion`: the others' proportions, summing to 1 (equal when they have no weight). */
  along(criterion: number): void {
    this.criterion = criterion;
    const count = this.base.length;
    let others = 0;
    for (let other = 0; other < count; other++) if (other !== criterion) others += this.base[other]!;
    for (let other = 0; other < count; other++) {
      this.rest[other] = other === criterion ? 0 : others > 0 ? this.base[other]! / others : 1 / (count - 1);
    }
  }

  scoreAt(t: number): void {
    const count = this.base.length;
    for (let other = 0; other < count; other++) {
      this.weights[other] = other === this.criterion ? t : (1 - t) * this.rest[other]!;
    }
    for (let option = 0; option < this.optionCount; option++) {
      this.scores[option] = weightedScore(this.weights, this.means, option * count) ?? Number.NaN;
    }
  }

  /** No option ranked above `subject` at weight t. */
  holds(t: number, subject: number): boolean {
    this.scoreAt(t);
    const own = this.scores[subject]!;
    for (let option = 0; option < this.optionCount; option++) {
      const score = this.scores[option]!;
      if (option === subject || Number.isNaN(score)) continue;
      if (Number.isNaN(own) || score - own >= TIE_TOLERANCE) return false;
    }
    return true;
  }

  /** The highest-scoring option other than `subject` at weight t (first in basis order on a tie), or −1. */
  leaderBesides(t: number, subject: number): number {
    this.scoreAt(t);
    let leader = -1;
    for (let option = 0; option < this.optionCount; option++) {
      const score = this.scores[option]!;
      if (option === subject || Number.isNaN(score)) continue;
      if (leader < 0 || score > this.scores[leader]!) leader = option;
    }
    return leader;
  }
}

/** Roots of c2·t² + c1·t + c0 strictly inside (0, 1), appended to `into`. */
function rootsInside(c2: number, c1: number, c0: number, into: number[]): void {
  const push = (t: number) => {
    if (t > 0 && t < 1) into.push(t);
  };
  const scale = Math.max(Math.abs(c2), Math.abs(c1), Math.abs(c0));
  if (scale === 0) return; // identical along the whole path
  if (Math.abs(c2) <= NEGLIGIBLE * scale) {
    if (c1 !== 0) push(-c0 / c1);
    return;
  }
  const discriminant = c1 * c1 - 4 * c2 * c0;
  if (discriminant < 0) return;
  // The stable form: no cancellation between c1 and the square root.
  const q = -0.5 * (c1 + (c1 >= 0 ? 1 : -1) * Math.sqrt(discriminant));
  push(q / c2);
  if (q !== 0) push(c0 / q);
}

/**
 * Where, along `path`'s criterion, the subject and each other option draw level. With r the other
 * criteria's proportions and D an option's criteria with data, N(t) = t·[k∈D]·x_k + (1−t)·Σ_{D∖k} r·x
 * and M(t) = t·[k∈D] + (1−t)·Σ_{D∖k} r, on the raw 1..5 means: the 0..100 map is the same affine
 * change for every option, so it moves no crossing.
 */
function crossings(path: WeightPath, subject: number): number[] {
  const count = path.base.length;
  const k = path.criterion;
  const line = (option: number): [n0: number, n1: number, m0: number, m1: number] => {
    let weighted = 0;
    let weight = 0;
    for (let other = 0; other < count; other++) {
      const cellMean = path.means[option * count + other]!;
      if (other === k || Number.isNaN(cellMean)) continue;
      weighted += path.rest[other]! * cellMean;
      weight += path.rest[other]!;
    }
    const own = path.means[option * count + k]!;
    const hasData = Number.isNaN(own) ? 0 : 1;
    return [weighted, (hasData ? own : 0) - weighted, weight, hasData - weight];
  };
  const [sn0, sn1, sm0, sm1] = line(subject);
  const roots: number[] = [];
  for (let option = 0; option < path.optionCount; option++) {
    if (option === subject) continue;
    const [n0, n1, m0, m1] = line(option);
    // (sn0 + sn1·t)(m0 + m1·t) − (n0 + n1·t)(sm0 + sm1·t)
    rootsInside(sn1 * m1 - n1 * sm1, sn0 * m1 + sn1 * m0 - n0 * sm1 - n1 * sm0, sn0 * m0 - n0 * sm0, roots);
  }
  return roots;
}

function intervalOf(path: WeightPath, subject: number, optionIds: readonly string[], criterionId: string): WeightInterval {
  const weight = path.base[path.criterion]!;
  const points = [...new Set([0, 1, weight, ...crossings(path, subject)])].sort((a, b) => a - b);
  const start = points.indexOf(weight);
  const idOf = (option: number) => (option < 0 ? null : optionIds[option]!);

  let high = 1;
  let aboveTakeover: string | null = null;
  for (let index = start; index < points.length - 1; index++) {
    const a = points[index]!;
    const b = points[index + 1]!;
    if (!path.holds((a + b) / 2, subject)) {
      high = a;
      aboveTakeover = idOf(path.leaderBesides(a + Math.min((b - a) / 2, LOOK_BEYOND), subject));
      break;
    }
    // Only at 1 can the winner fail at a single point: it has lost its score there.
    if (b === 1 && !path.holds(1, subject)) aboveTakeover = idOf(path.leaderBesides(1, subject));
  }

  let low = 0;
  let belowTakeover: string | null = null;
  for (let index = start; index > 0; index--) {
    const a = points[index]!;
    const b = points[index - 1]!;
    if (!path.holds((a + b) / 2, subject)) {
      low = a;
      belowTakeover = idOf(path.leaderBesides(a - Math.min((a - b) / 2, LOOK_BEYOND), subject));
      break;
    }
    if (b === 0 && !path.holds(0, subject)) belowTakeover = idOf(path.leaderBesides(0, subject));
  }

  return { criterionId, weight, low, high, belowTakeover, aboveTakeover };
}

export type SensitivityOptions = {
  /** Weights to analyse, keyed by criterion, any non-negative scale; the basis's group weights by default. */
  weights?: Readonly<Record<string, number>>;
  /** With a tie at the top, which tied winner to follow; the first in basis order by default. */
  subjectId?: string;
};

export function sensitivity(basis: ScoreBasis, options: SensitivityOptions = {}): SensitivityReport {
  const means = flatMeans(basis);
  const raw = options.weights === undefined ? Float64Array.from(basis.groupWeights) : weightVector(basis, options.weights);
  const criterionCount = basis.criteria.length;
  const optionCount = basis.options.length;
  const optionIds = basis.options.map(({ id }) => id);

  // The current winners, from the weights as given, exactly as `rankWithWeights` finds them.
  const scores = new Float64Array(optionCount);
  for (let option = 0; option < optionCount; option++) {
    scores[option] = weightedScore(raw, means, option * criterionCount) ?? Number.NaN;
  }
  const winnerIndices = new Int32Array(optionCount);
  const winnerCount = winnersInto(scores, winnerIndices);
  const winners = Array.from(winnerIndices.subarray(0, winnerCount), (option) => optionIds[option]!);
  if (winnerCount === 0) return { status: "none", winners, subjectId: null, criteria: [], smallestFlip: null };

  let subject = winnerIndices[0]!;
  if (options.subjectId !== undefined) {
    if (!winners.includes(options.subjectId)) {
      throw new RangeError(`Option ${options.subjectId} is not a current winner, so there is no win to test`);
    }
    subject = optionIds.indexOf(options.subjectId);
  }

  let total = 0;
  for (const weight of raw) total += weight;
  const base = raw.map((weight) => weight / total);
  const path = new WeightPath(means, base, optionCount);
  const criteria = basis.criteria.map(({ id }, criterion) => {
    path.along(criterion);
    return intervalOf(path, subject, optionIds, id);
  });

  const status = winnerCount > 1 ? "tie" : "unique";
  const smallestFlip = status === "unique" ? smallestFlipOf(criteria) : null;
  return { status, winners, subjectId: optionIds[subject]!, criteria, smallestFlip };
}

/**
 * The nearest end with a takeover. On equal deltas (within 1e-12) the first found wins: criteria in
 * basis order, lowering before raising. With two criteria, lowering one is raising the other, so
 * the first criterion is named.
 */
function smallestFlipOf(criteria: readonly WeightInterval[]): WeightFlip | null {
  let best: WeightFlip | null = null;
  const consider = (flip: Omit<WeightFlip, "newWinnerId" | "delta">, newWinnerId: string | null) => {
    if (newWinnerId === null) return;
    const delta = Math.abs(flip.to - flip.from);
    // Deltas within rounding of each other are equal, so the earlier candidate stays.
    if (best === null || delta < best.delta - SAME_DELTA) best = { ...flip, newWinnerId, delta };
  };
  for (const { criterionId, weight, low, high, belowTakeover, aboveTakeover } of criteria) {
    consider({ criterionId, direction: "lower", from: weight, to: low }, belowTakeover);
    consider({ criterionId, direction: "raise", from: weight, to: high }, aboveTakeover);
  }
  return best;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Two fractions as percentages with the fewest decimals (0 to 3) that tell them apart: 0.22 and
 * 0.41 read "22%" and "41%", but 0.223 and 0.224 read "22.3%" and "22.4%", not "22%" twice.
 */
export function formatPercentPair(from: number, to: number): [string, string] {
  for (let decimals = 0; decimals < 3; decimals++) {
    const pair: [string, string] = [`${(from * 100).toFixed(decimals)}%`, `${(to * 100).toFixed(decimals)}%`];
    if (pair[0] !== pair[1]) return pair;
  }
  return [`${(from * 100).toFixed(3)}%`, `${(to * 100).toFixed(3)}%`];
}

/**
 * The smallest flip as a sentence: "Raising Scalability from 22% to 41% would make Spring Boot the
 * winner." `to` is where the two draw level (rounded for display); any further, the other option wins.
 */
export function describeSensitivity(basis: ScoreBasis, report: SensitivityReport): string {
  const optionName = (id: string) => basis.options.find((entry) => entry.id === id)?.name ?? id;
  if (report.status === "none") return "No option has a weighted score yet, so there is no winner to test.";
  if (report.status === "tie") {
    return `${listNames(report.winners.map(optionName))} are tied for first place, so there is no single winner to test.`;
  }
  const flip = report.smallestFlip;
  if (flip === null) return "No change to any single weight changes the winner.";
  const criterionName = basis.criteria.find((entry) => entry.id === flip.criterionId)?.name ?? flip.criterionId;
  const [from, to] = formatPercentPair(flip.from, flip.to);
  const newWinner = optionName(flip.newWinnerId);
  // The winner can sit right on a breakpoint, as when an option scored only on a zero-weight
  // criterion leads as soon as that criterion has any weight at all.
  const verb = flip.direction === "raise" ? "Raising" : "Lowering";
  if (from === to) {
    return `${verb} ${criterionName} at all from ${Math.round(flip.from * 100)}% would make ${newWinner} the winner.`;
  }
  return `${verb} ${criterionName} from ${from} to ${to} would make ${newWinner} the winner.`;
}
