/**
 * Values closer than this are the same value. Scores are built from small integers by a handful of
 * divisions, so two options a voter would call equal can differ in the last bits of a float.
 */
export const TIE_TOLERANCE = 1e-9;

/** Arithmetic mean; null for no values, because "no data" must not read as 0. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Standard deviation of the values themselves, not an estimate for a wider population: the members
 * who voted are everyone whose opinion counts. Null for no values; 0 for a single value.
 */
export function populationStandardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null) return null;
  let squaredDeviations = 0;
  for (const value of values) squaredDeviations += (value - average) ** 2;
  return Math.sqrt(squaredDeviations / values.length);
}

export type RankedEntry<T> = { item: T; value: number | null; rank: number | null };

/**
 * Highest value first, with competition ranking (1, 1, 3): a tie takes up the places it fills, so
 * rank 3 still means "two options did better". Items without a value (null or NaN) come last with
 * rank null. Items in a tie keep their input order, so a display order chosen by the team survives.
 *
 * A tie group is measured from its first (highest) member, so a group never spans more than
 * `tolerance` however many near-equal values line up.
 */
export function rankWithTies<T>(items: readonly T[], valueOf: (item: T) => number | null, tolerance: number = TIE_TOLERANCE): RankedEntry<T>[] {
  const valued: { item: T; value: number; position: number }[] = [];
  const unvalued: RankedEntry<T>[] = [];
  items.forEach((item, position) => {
    const value = valueOf(item);
    if (value === null || Number.isNaN(value)) unvalued.push({ item, value: null, rank: null });
    else valued.push({ item, value, position });
  });
  valued.sort((a, b) => b.value - a.value || a.position - b.position);

  const ranked: RankedEntry<T>[] = [];
  let groupStart = 0;
  while (groupStart < valued.length) {
    const leader = valued[groupStart]!;
    let groupEnd = groupStart + 1;
    while (groupEnd < valued.length && leader.value - valued[groupEnd]!.value < tolerance) groupEnd++;
    const group = valued.slice(groupStart, groupEnd).sort((a, b) => a.position - b.position);
    for (const { item, value } of group) ranked.push({ item, value, rank: groupStart + 1 });
    groupStart = groupEnd;
  }
  return [...ranked, ...unvalued];
}
