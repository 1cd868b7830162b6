import { describe, expect, test } from "vitest";
import { buildChartData, PROFILE_OPTIONS, SPLIT_ROWS, WEIGHT_DOTS } from "@/app/teams/[teamId]/decisions/[decisionId]/results/charts/data";
import type { ChartData } from "@/app/teams/[teamId]/decisions/[decisionId]/results/charts/types";
import { tally, type TallyInput } from "@/lib/domain/tally";
import { randomDecision } from "../../support/random-decision";

// The results charts' figures, checked by hand on a small decision. Names and ids are distinctive,
// so finding one in the built data cannot be a coincidence.

type Named = { id: string; name: string };

const SPEED: Named = { id: "crit-speed-5e1d", name: "Speed" };
const COST: Named = { id: "crit-cost-9a7c", name: "Cost" };
const CRITERIA = [SPEED, COST];

// Display order differs from rank order on purpose.
const ALPHA: Named = { id: "opt-alpha-11", name: "Alpha" };
const BETA: Named = { id: "opt-beta-22", name: "Beta" };
const GAMMA: Named = { id: "opt-gamma-33", name: "Gamma" };
const DELTA: Named = { id: "opt-delta-44", name: "Delta" };
const EPSILON: Named = { id: "opt-epsilon-55", name: "Epsilon" };
const ZETA: Named = { id: "opt-zeta-66", name: "Zeta" };
const OPTIONS = [GAMMA, ZETA, ALPHA, EPSILON, BETA, DELTA];

const ANA: Named = { id: "user-4f0a-ana", name: "Anneliese Quorra" };
const BEN: Named = { id: "user-7b21-ben", name: "Benedikt Vasquez" };
const CY: Named = { id: "user-c3d9-cy", name: "Cyprian Holloway" };
const DEE: Named = { id: "user-d0e4-dee", name: "Delphine Marchetti" };
const MEMBERS = [ANA, BEN, CY, DEE];

/** member → [Speed, Cost]; Cy weights nothing, Dee gives Cost 0. */
const WEIGHTS: Record<string, [number, number]> = { [ANA.id]: [3, 1], [BEN.id]: [1, 1], [DEE.id]: [1, 0] };
/** member → option → [Speed, Cost]; undefined is a blank cell. Dee scores nothing, nobody scores Zeta. */
const SCORES: Record<string, Record<string, [number | undefined, number | undefined]>> = {
  [ANA.id]: { [ALPHA.id]: [5, 4], [BETA.id]: [5, 5], [GAMMA.id]: [3, 3], [DELTA.id]: [2, undefined] },
  [BEN.id]: { [ALPHA.id]: [5, 5], [BETA.id]: [2, 3], [GAMMA.id]: [1, 5], [EPSILON.id]: [1, 1] },
  [CY.id]: { [ALPHA.id]: [5, 3], [BETA.id]: [5, 4], [GAMMA.id]: [2, 4] },
};

function input(setup: { weights?: typeof WEIGHTS; scores?: typeof SCORES; members?: Named[] } = {}): TallyInput {
  return {
    options: OPTIONS,
    criteria: CRITERIA,
    members: setup.members ?? MEMBERS,
    weights: Object.entries(setup.weights ?? WEIGHTS).flatMap(([memberId, values]) =>
      CRITERIA.map((c, i) => ({ memberId, criterionId: c.id, weight: values[i]! })),
    ),
    scores: Object.entries(setup.scores ?? SCORES).flatMap(([memberId, byOption]) =>
      Object.entries(byOption).flatMap(([optionId, values]) =>
        CRITERIA.flatMap((c, i) => (values[i] === undefined ? [] : [{ memberId, optionId, criterionId: c.id, score: values[i]! }])),
      ),
    ),
  };
}

const build = (anonymous: boolean, setup: Parameters<typeof input>[0] = {}) => {
  const t = tally(input(setup));
  return { t, data: buildChartData({ tally: t, criteria: CRITERIA, members: setup.members ?? MEMBERS, anonymous }) };
};

/** Rounded the way the builder rounds: half away from zero for these positive values, like Math.round. */
const rounded = (value: number | null | undefined, digits: number) => (value == null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

// Hand-checked. Normalised weights: Ana 75/25, Ben 50/50, Dee 100/0; Cy gave none, so the group is
// Speed (0.75 + 0.5 + 1) / 3 = 0.75, Cost 0.25. A mean m is worth (m − 1) · 25 points on 0..100.
// Each contribution is weight / (weight of the criteria with data) × points.
const RANKING: { option: Named; rank: number | null; score: number | null; parts: (number | null)[]; exact: (number | null)[] }[] = [
  // Means 5, 4: 0.75·100 = 75, 0.25·75 = 18.75 → 93.75.
  { option: ALPHA, rank: 1, score: 93.8, parts: [75, 18.8], exact: [75, 18.75] },
  // Means 4, 4: 56.25 + 18.75 = 75.
  { option: BETA, rank: 2, score: 75, parts: [56.3, 18.8], exact: [56.25, 18.75] },
  // Means 2, 4: 18.75 + 18.75 = 37.5.
  { option: GAMMA, rank: 3, score: 37.5, parts: [18.8, 18.8], exact: [18.75, 18.75] },
  // Speed only (Ana's 2): renormalised over Speed alone, all 25 points from it; Cost has no data.
  { option: DELTA, rank: 4, score: 25, parts: [25, null], exact: [25, null] },
  // Ben's 1s: 0 points, still ranked.
  { option: EPSILON, rank: 5, score: 0, parts: [0, 0], exact: [0, 0] },
  // Nobody scored it: no score, no rank, no parts.
  { option: ZETA, rank: null, score: null, parts: [null, null], exact: [null, null] },
];

describe("buildChartData on a hand-checked decision", () => {
  const { t, data } = build(false);

  test("ranking rows are in rank order, each with its rounded score and criteria", () => {
    expect(data.scored).toBe(true);
    expect(data.ranking.criteria).toEqual(["Speed", "Cost"]);
    expect(data.ranking.rows).toEqual(RANKING.map(({ option, rank, score, parts }) => ({ name: option.name, rank, score, parts })));
  });

  test.each(RANKING)("$option.name: contributions per criterion are the tally's, rounded to 0.1", ({ option, parts, exact }) => {
    const row = data.ranking.rows.find((r) => r.name === option.name)!;
    const result = t.options.find((o) => o.optionId === option.id)!;
    const fromTally = CRITERIA.map((c) => result.perCriterion[c.id]!.contribution);

    expect(fromTally).toEqual(exact.map((v) => (v === null ? null : expect.closeTo(v, 9))));
    expect(row.parts).toEqual(fromTally.map((v) => rounded(v, 1)));
    expect(row.parts).toEqual(parts);
    expect(row.score).toBe(rounded(result.score, 1));
  });

  test(`the profile (radar) keeps the top ${PROFILE_OPTIONS} scored options in rank order, with their means`, () => {
    expect(PROFILE_OPTIONS).toBe(4);
    expect(data.profile).toEqual({
      criteria: ["Speed", "Cost"],
      series: [
        { name: "Alpha", means: [5, 4] },
        { name: "Beta", means: [4, 4] },
        { name: "Gamma", means: [2, 4] },
        { name: "Delta", means: [2, null] },
      ],
    });
  });

  test("weights: group and per-member percentages in member order, with names, for weighing members only", () => {
    expect(data.weights).toEqual({
      criteria: ["Speed", "Cost"],
      group: [75, 25],
      members: [
        [75, 50, 100],
        [25, 50, 0],
      ],
      names: [ANA.name, BEN.name, DEE.name],
      fallback: false,
    });
  });

  test("the split heatmap has one row per member who scored, with their own 0..100 totals per option", () => {
    // Own totals use the group weights (0.75, 0.25) over the cells that member scored, e.g. Ana on
    // Alpha: 0.75·5 + 0.25·4 = 4.75 → 93.75 → 94; Ben on Beta: 0.75·2 + 0.25·3 = 2.25 → 31.25 → 31.
    // Columns follow the ranking (Alpha, Beta, Gamma, Delta, Epsilon, Zeta). Rows are grouped by own
    // first choice in the group's order, most convinced first: Ben (Alpha), then Ana and Cy (Beta).
    expect(data.split).toEqual({
      kind: "members",
      options: ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"],
      rows: [
        { name: BEN.name, totals: [100, 31, 25, null, 0, null], firstChoice: 0 },
        { name: ANA.name, totals: [94, 100, 50, 25, null, null], firstChoice: 1 },
        { name: CY.name, totals: [88, 94, 38, null, null, null], firstChoice: 1 },
      ],
    });
    // Dee weighted but scored nothing: no row.
    expect(JSON.stringify(data.split)).not.toContain(DEE.name);
  });

  test("each heatmap row is that member's own ranking from the tally, rounded to whole points", () => {
    if (data.split.kind !== "members") throw new Error("expected the members split");
    for (const member of [ANA, BEN, CY]) {
      const row = data.split.rows.find((r) => r.name === member.name)!;
      const own = new Map(t.memberRankings[member.id]!.map((e) => [e.optionId, e.score]));
      expect(row.totals).toEqual(t.options.map((o) => rounded(own.get(o.optionId), 0)));
    }
  });
});

describe("buildChartData for an anonymous decision", () => {
  const { data } = build(true);
  const json = JSON.stringify(data);

  test.each(MEMBERS.flatMap((m) => [m.name, m.id, m.name.split(" ")[0]!, m.name.split(" ")[1]!]))("%s appears nowhere in the data", (needle) => {
    expect(json).not.toContain(needle);
  });

  test("figures that are not per person are the same as for an open decision", () => {
    const open = build(false).data;
    expect(data.scored).toBe(true);
    expect(data.ranking).toEqual(open.ranking);
    expect(data.profile).toEqual(open.profile);
    expect(data.weights.group).toEqual(open.weights.group);
    expect(data.weights.fallback).toBe(false);
  });

  test("weights have no names, and each criterion's list is sorted on its own", () => {
    // Open: Speed [Ana 75, Ben 50, Dee 100], Cost [Ana 25, Ben 50, Dee 0].
    expect(data.weights.names).toBeNull();
    expect(data.weights.members).toEqual([
      [50, 75, 100],
      [0, 25, 50],
    ]);
  });

  test("each weight list holds the open decision's values for that criterion, in ascending order", () => {
    const open = build(false).data.weights.members;
    for (const [c, column] of data.weights.members.entries()) {
      expect(column).toEqual([...open[c]!].sort((a, b) => a - b));
    }
    // Dee's 0 for Cost is last in member order but first here, while her 100 for Speed stays last:
    // the same position is not the same person across criteria.
    expect(open[1]!.indexOf(0)).toBe(2);
    expect(data.weights.members[1]!.indexOf(0)).toBe(0);
    expect(data.weights.members[0]!.indexOf(100)).toBe(2);
  });

  test("the built data does not depend on the order members are listed in", () => {
    const reversed = build(true, { members: [...MEMBERS].reverse() }).data;
    expect(reversed).toEqual(data);
  });

  test("the split shows only the spread of each cell, criteria × options in rank order", () => {
    // Speed: Alpha 5,5,5 → 0; Beta 5,2,5 → √18/3 ≈ 1.41; Gamma 3,1,2 → √6/3 ≈ 0.82. Cost: 4,5,3; 5,3,4; 3,5,4 → 0.82.
    // Delta and Epsilon have one score per cell, Zeta none: no spread below two scores.
    expect(data.split).toEqual({
      kind: "spread",
      options: ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"],
      criteria: ["Speed", "Cost"],
      sd: [
        [0, 1.41, 0.82, null, null, null],
        [0.82, 0.82, 0.82, null, null, null],
      ],
    });
  });
});

describe("buildChartData when nobody scored", () => {
  const cases: { name: string; setup: Parameters<typeof input>[0]; anonymous: boolean; weights: Partial<ChartData["weights"]> }[] = [
    {
      name: "weights given, no scores, open",
      setup: { scores: {} },
      anonymous: false,
      weights: {
        group: [75, 25],
        members: [
          [75, 50, 100],
          [25, 50, 0],
        ],
        names: [ANA.name, BEN.name, DEE.name],
        fallback: false,
      },
    },
    {
      name: "weights given, no scores, anonymous",
      setup: { scores: {} },
      anonymous: true,
      weights: {
        group: [75, 25],
        members: [
          [50, 75, 100],
          [0, 25, 50],
        ],
        names: null,
        fallback: false,
      },
    },
    {
      name: "no weights and no scores: equal fallback weights",
      setup: { scores: {}, weights: {} },
      anonymous: false,
      weights: { group: [50, 50], members: [[], []], names: [], fallback: true },
    },
    {
      name: "nobody at all",
      setup: { scores: {}, weights: {}, members: [] },
      anonymous: true,
      weights: { group: [50, 50], members: [[], []], names: null, fallback: true },
    },
  ];

  test.each(cases)("$name: builds, with nothing scored to draw", ({ setup, anonymous, weights }) => {
    let data: ChartData | undefined;
    expect(() => {
      data = build(anonymous, setup).data;
    }).not.toThrow();

    expect(data!.scored).toBe(false);
    expect(data!.ranking.rows).toEqual(OPTIONS.map((o) => ({ name: o.name, rank: null, score: null, parts: [null, null] })));
    expect(data!.profile).toEqual({ criteria: ["Speed", "Cost"], series: [] });
    expect(data!.weights).toMatchObject(weights);
    expect(data!.split).toEqual(
      anonymous
        ? { kind: "spread", options: OPTIONS.map((o) => o.name), criteria: ["Speed", "Cost"], sd: [OPTIONS.map(() => null), OPTIONS.map(() => null)] }
        : { kind: "members", options: OPTIONS.map((o) => o.name), rows: [] },
    );
  });
});

describe("the profile's size", () => {
  // Only Ana scores, and only the given options (with her sheet above, or 3 and 3); the weights stay as above.
  const scoredBy = (optionIds: string[]) => ({
    scores: { [ANA.id]: Object.fromEntries(optionIds.map((id) => [id, SCORES[ANA.id]![id] ?? [3, 3]])) } as typeof SCORES,
  });

  test.each([
    { scored: [ALPHA.id], series: ["Alpha"] },
    { scored: [ALPHA.id, GAMMA.id], series: ["Alpha", "Gamma"] },
    { scored: [ALPHA.id, BETA.id, GAMMA.id, DELTA.id], series: ["Beta", "Alpha", "Gamma", "Delta"] },
    // Gamma, Zeta and Epsilon tie at 50: the tie keeps display order (Gamma, Zeta, Epsilon), and only four fit.
    { scored: [ALPHA.id, BETA.id, GAMMA.id, DELTA.id, EPSILON.id, ZETA.id], series: ["Beta", "Alpha", "Gamma", "Zeta"] },
  ])("with $scored.length scored option(s), the radar shows $series", ({ scored, series }) => {
    // Ana alone, group weights 0.75/0.25: Beta (5,5) 100, Alpha (5,4) 93.75, Gamma, Epsilon and Zeta (3,3) 50, Delta (2,—) 25.
    const { data } = build(false, scoredBy(scored));
    expect(data.profile.series.map((s) => s.name)).toEqual(series);
  });
});

describe("a large team: the charts' figures stay the same size", () => {
  // A random decision of `members` people on the hand-checked options and criteria.
  const large = (members: number, anonymous = false) => {
    const decision = randomDecision(members, { members, options: OPTIONS.length, criteria: CRITERIA.length });
    const people = decision.members;
    const rename = new Map<string, string>([
      ...decision.options.map((o, i) => [o.id, OPTIONS[i]!.id] as const),
      ...decision.criteria.map((c, i) => [c.id, CRITERIA[i]!.id] as const),
    ]);
    const t = tally({
      options: OPTIONS,
      criteria: CRITERIA,
      members: people,
      weights: decision.weights.map((w) => ({ ...w, criterionId: rename.get(w.criterionId)! })),
      scores: decision.rounds[0]!.map((s) => ({ ...s, optionId: rename.get(s.optionId)!, criterionId: rename.get(s.criterionId)! })),
    });
    return { t, people, data: buildChartData({ tally: t, criteria: CRITERIA, members: people, anonymous }) };
  };

  test(`up to ${WEIGHT_DOTS} weighing members each have a dot; beyond, each distinct weight has one, with its count`, () => {
    const { t, people, data } = large(400);
    const weighers = people.filter((m) => t.memberWeights[m.id]);
    expect(weighers.length).toBeGreaterThan(WEIGHT_DOTS);
    expect(data.weights.names).toBeNull();
    for (const [c, criterion] of CRITERIA.entries()) {
      const each = weighers.map((m) => Math.round(t.memberWeights[m.id]![criterion.id]! * 100));
      const values = data.weights.members[c]!;
      const counts = data.weights.counts![c]!;
      expect(values).toEqual([...new Set(each)].sort((a, b) => a - b));
      expect(counts).toEqual(values.map((v) => each.filter((w) => w === v).length));
    }
    const small = large(WEIGHT_DOTS - 10);
    expect(small.data.weights.counts).toBeUndefined();
    expect(small.data.weights.names).toHaveLength(small.people.filter((m) => small.t.memberWeights[m.id]).length);
  });

  test(`beyond ${SPLIT_ROWS} people the split has a row per own first choice, with the camp's mean own scores`, () => {
    const { t, data } = large(300);
    if (data.split.kind !== "camps") throw new Error(`expected camps, got ${data.split.kind}`);
    const own = Object.values(t.memberRankings).filter((ranking) => ranking.some((e) => e.score !== null));
    expect(data.split.people).toBe(own.length);
    expect(data.split.rows.reduce((sum, row) => sum + row.count, 0)).toBe(own.length);
    expect(data.split.summary).toMatch(new RegExp(`^${own.length} people scored; own first choice: `));
    for (const row of data.split.rows) {
      // A camp: the people whose first own choice, ties going to the option the group ranks higher, is this one.
      const camp = own.filter((ranking) => {
        const firsts = ranking.filter((e) => e.rank === 1).map((e) => t.options.findIndex((o) => o.optionId === e.optionId));
        return Math.min(...firsts) === row.firstChoice;
      });
      expect(row.count).toBe(camp.length);
      expect(camp.length).toBeGreaterThan(0);
      t.options.forEach((option, o) => {
        const totals = camp.flatMap((ranking) => ranking.filter((e) => e.optionId === option.optionId && e.score !== null).map((e) => e.score!));
        expect(row.totals[o]).toBe(totals.length ? rounded(totals.reduce((a, b) => a + b, 0) / totals.length, 0) : null);
      });
    }
    expect(large(SPLIT_ROWS).data.split.kind).toBe("members");
  });

  test("an anonymous decision of any size shows spreads only", () => {
    expect(large(300, true).data.split.kind).toBe("spread");
  });
});
