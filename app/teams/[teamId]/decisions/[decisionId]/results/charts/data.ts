import type { Tally } from "@/lib/domain/tally";
import { membersSummary } from "./summaries";
import type { ChartData, SplitData, WeightsData } from "./types";

/** How many of the best-ranked options the profile (radar) compares. */
export const PROFILE_OPTIONS = 4;
/** Up to this many weighing members, each has a dot of their own; beyond, each distinct weight has one, with a count. */
export const WEIGHT_DOTS = 60;
/** Up to this many people, the split heatmap has a row each; beyond, a row per camp of the same own first choice. */
export const SPLIT_ROWS = 40;

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const roundOrNull = (value: number | null | undefined, digits: number) => (value == null ? null : round(value, digits));

type Source = {
  tally: Tally;
  criteria: readonly { id: string; name: string }[];
  members: readonly { id: string; name: string }[];
  anonymous: boolean;
};

/** The charts' figures, from the tally the page already has. Linear in members × options × criteria. */
export function buildChartData({ tally, criteria, members, anonymous }: Source): ChartData {
  const criterionNames = criteria.map((c) => c.name);
  const options = tally.options;
  const scored = options.some((o) => o.score !== null);

  const ranking = {
    criteria: criterionNames,
    rows: options.map((o) => ({
      name: o.name,
      rank: o.rank,
      score: roundOrNull(o.score, 1),
      parts: criteria.map((c) => roundOrNull(o.perCriterion[c.id]?.contribution, 1)),
    })),
  };

  const profile = {
    criteria: criterionNames,
    series: options
      .filter((o) => o.score !== null)
      .slice(0, PROFILE_OPTIONS)
      .map((o) => ({ name: o.name, means: criteria.map((c) => roundOrNull(o.perCriterion[c.id]?.mean, 2)) })),
  };

  return {
    scored,
    ranking,
    profile,
    weights: weightsOf(tally, criteria, members, anonymous),
    split: anonymous ? spreadOf(tally, criteria) : memberTotalsOf(tally, members),
  };
}

function weightsOf(tally: Tally, criteria: Source["criteria"], members: Source["members"], anonymous: boolean): WeightsData {
  const weighers = members.filter((m) => tally.memberWeights[m.id] !== undefined);
  const columns = criteria.map((c) => weighers.map((m) => round((tally.memberWeights[m.id]![c.id] ?? 0) * 100, 0)));
  const base = {
    criteria: criteria.map((c) => c.name),
    group: criteria.map((c) => round((tally.groupWeights[c.id] ?? 0) * 100, 1)),
    fallback: tally.weightsFallback,
  };
  if (weighers.length > WEIGHT_DOTS) return { ...base, ...distinctWeights(columns), names: null };
  return {
    ...base,
    members: anonymous ? columns.map((column) => column.sort((a, b) => a - b)) : columns,
    names: anonymous ? null : weighers.map((m) => m.name),
  };
}

/** Each column cut to its distinct values, lowest first, with how many gave each. */
function distinctWeights(columns: number[][]): Pick<WeightsData, "members" | "counts"> {
  const tallied = columns.map((column) => {
    const counts = new Map<number, number>();
    for (const weight of column) counts.set(weight, (counts.get(weight) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a - b);
  });
  return { members: tallied.map((pairs) => pairs.map(([weight]) => weight)), counts: tallied.map((pairs) => pairs.map(([, count]) => count)) };
}

function memberTotalsOf(tally: Tally, members: Source["members"]): SplitData {
  const optionIndex = new Map(tally.options.map((o, i) => [o.optionId, i]));
  const exact = members.flatMap((m) => {
    const ranking = tally.memberRankings[m.id] ?? [];
    const totals: (number | null)[] = tally.options.map(() => null);
    let firstChoice: number | null = null;
    for (const entry of ranking) {
      const index = optionIndex.get(entry.optionId);
      if (index === undefined || entry.score === null) continue;
      totals[index] = entry.score;
      // Ties for first go to the option the group ranks higher.
      if (entry.rank === 1 && (firstChoice === null || index < firstChoice)) firstChoice = index;
    }
    return totals.some((t) => t !== null) ? [{ name: m.name, totals, firstChoice }] : [];
  });
  const options = tally.options.map((o) => o.name);
  const rows = exact.map((row) => ({ ...row, totals: row.totals.map((t) => (t === null ? null : round(t, 0))) }));
  if (rows.length > SPLIT_ROWS)
    return { kind: "camps", options, people: rows.length, summary: membersSummary({ options, rows }), rows: campsOf(exact, options.length) };
  // Grouped by own first choice (in the group's order), most convinced first, so splits show as blocks.
  rows.sort((a, b) => {
    const choice = a.firstChoice ?? Number.MAX_SAFE_INTEGER;
    const byChoice = choice - (b.firstChoice ?? Number.MAX_SAFE_INTEGER);
    if (byChoice !== 0) return byChoice;
    return (b.totals[choice] ?? 0) - (a.totals[choice] ?? 0) || a.name.localeCompare(b.name);
  });
  return { kind: "members", options, rows };
}

/** The people of each own first choice (in the group's order), with their mean own total per option. */
function campsOf(rows: { totals: (number | null)[]; firstChoice: number | null }[], optionCount: number) {
  const camps = new Map<number | null, { count: number; sums: number[]; counts: number[] }>();
  for (const row of rows) {
    const camp = camps.get(row.firstChoice) ?? { count: 0, sums: Array<number>(optionCount).fill(0), counts: Array<number>(optionCount).fill(0) };
    camp.count++;
    row.totals.forEach((total, o) => {
      if (total === null) return;
      camp.sums[o]! += total;
      camp.counts[o]! += 1;
    });
    camps.set(row.firstChoice, camp);
  }
  return [...camps]
    .sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
    .map(([firstChoice, camp]) => ({
      firstChoice,
      count: camp.count,
      totals: camp.sums.map((sum, o) => (camp.counts[o] ? round(sum / camp.counts[o]!, 0) : null)),
    }));
}

function spreadOf(tally: Tally, criteria: Source["criteria"]): SplitData {
  return {
    kind: "spread",
    options: tally.options.map((o) => o.name),
    criteria: criteria.map((c) => c.name),
    sd: criteria.map((c) => tally.options.map((o) => roundOrNull(o.perCriterion[c.id]?.sd, 2))),
  };
}
