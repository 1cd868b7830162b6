/** Sentences that describe a chart's figures, shared by the server (data.ts) and the heatmap (split.tsx). */

type MemberRow = { totals: (number | null)[]; firstChoice: number | null };

/** Who scored, how the own first choices fall, and the option people's own scores differ most on. */
export function membersSummary({ options, rows }: { options: string[]; rows: MemberRow[] }): string {
  const counts = options.map((_, o) => rows.filter((r) => r.firstChoice === o).length);
  const firsts = options.flatMap((name, o) => (counts[o] ? [`${name} ${counts[o]}`] : [])).join(", ");
  let widest = -1;
  let range: [number, number] = [0, 0];
  options.forEach((_, o) => {
    const totals = rows.flatMap((r) => (r.totals[o] == null ? [] : [r.totals[o]!]));
    if (totals.length < 2) return;
    const low = Math.min(...totals);
    const high = Math.max(...totals);
    if (widest < 0 || high - low > range[1] - range[0]) {
      widest = o;
      range = [low, high];
    }
  });
  const people = `${rows.length} ${rows.length === 1 ? "person" : "people"} scored; own first choice: ${firsts}.`;
  return widest >= 0 ? `${people} Own scores differ most for ${options[widest]}: from ${range[0]} to ${range[1]}.` : people;
}
