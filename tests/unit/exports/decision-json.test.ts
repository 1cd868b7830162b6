import { describe, expect, test } from "vitest";
import { buildDecisionJson, canonicalTally } from "@/lib/exports/build";
import { DECISION_JSON_SCHEMA, DECISION_JSON_VERSION, decisionJsonSchema, formatDecisionJson } from "@/lib/exports/decision-json";
import { tally } from "@/lib/domain/tally";
import { ALL_NAMES, ALL_USER_IDS, CRITERIA, OPTIONS, PEOPLE, source, type Variant } from "./fixtures";

const VARIANTS: [string, Variant][] = [
  ["draft", { status: "draft" }],
  ["weighting", { status: "weighting" }],
  ["scoring", { status: "scoring" }],
  ["scoring, anonymous", { status: "scoring", anonymous: true }],
  ["revealed", { status: "revealed" }],
  ["revealed, anonymous", { status: "revealed", anonymous: true }],
  ["revealed, round 2", { status: "revealed", rounds: 2 }],
  ["decided", { status: "decided" }],
  ["decided, anonymous", { status: "decided", anonymous: true }],
  ["decided in round 2", { status: "decided", rounds: 2 }],
  ["decided in round 2, anonymous", { status: "decided", rounds: 2, anonymous: true }],
  ["decided against the tally", { status: "decided", chosen: 1 }],
  ["superseded", { status: "decided", superseded: true }],
  ["deprecated", { status: "decided", deprecated: true }],
  ["withdrawn", { status: "withdrawn" }],
];

describe("decision JSON", () => {
  test.each(VARIANTS)("%s: build → stringify → parse → schema → deep-equal", (_name, variant) => {
    const doc = buildDecisionJson(source(variant));
    const text = formatDecisionJson(doc);
    const back = decisionJsonSchema.parse(JSON.parse(text));
    expect(back).toStrictEqual(doc);
    expect(formatDecisionJson(back)).toBe(text);
  });

  test.each(VARIANTS)("%s: the same decision gives the same bytes, LF only, one trailing newline", (_name, variant) => {
    const first = formatDecisionJson(buildDecisionJson(source(variant)));
    const second = formatDecisionJson(buildDecisionJson(source(variant)));
    expect(second).toBe(first);
    expect(first).not.toContain("\r");
    expect(first.endsWith("}\n")).toBe(true);
    expect(first.endsWith("\n\n")).toBe(false);
  });

  test("the header names the schema and its version", () => {
    const doc = buildDecisionJson(source({ status: "decided" }));
    expect(doc.schema).toBe(DECISION_JSON_SCHEMA);
    expect(doc.version).toBe(DECISION_JSON_VERSION);
    expect(Object.keys(JSON.parse(formatDecisionJson(doc))).slice(0, 2)).toEqual(["schema", "version"]);
  });

  test("the schema refuses a document with an unknown field or a wrong version", () => {
    const doc = JSON.parse(formatDecisionJson(buildDecisionJson(source({ status: "decided" }))));
    expect(decisionJsonSchema.safeParse({ ...doc, extra: 1 }).success).toBe(false);
    expect(decisionJsonSchema.safeParse({ ...doc, version: 2 }).success).toBe(false);
    expect(decisionJsonSchema.safeParse({ ...doc, rounds: [{ round: 1, scores: [{ ...doc.rounds[0].scores[0], score: 6 }] }] }).success).toBe(false);
  });

  test.each<[string, Variant]>([
    ["draft", { status: "draft" }],
    ["weighting", { status: "weighting" }],
    ["scoring", { status: "scoring" }],
    ["withdrawn", { status: "withdrawn" }],
  ])("%s: sealed, with the structure and no values at all", (_name, variant) => {
    // Even if values were handed in by mistake, a sealed decision does not show them.
    const src = { ...source(variant), values: source({ status: "revealed" }).values };
    const doc = buildDecisionJson(src);
    expect(doc).toMatchObject({ sealed: true, frozen: false, round: null, members: [], weights: [], rounds: [], tally: null, outcome: null });
    expect(doc.options.map((o) => o.name)).toEqual(OPTIONS.map((o) => o.name));
    expect(doc.criteria.map((c) => c.name)).toEqual(CRITERIA.map((c) => c.name));
    const text = formatDecisionJson(doc);
    expect(text).not.toContain("benchmark");
    expect(text).not.toContain('"weight"');
    expect(text).not.toContain('"score"');
  });

  test("options and criteria come in display order, whatever order the rows arrive in", () => {
    const doc = buildDecisionJson(source({ status: "revealed" }));
    expect(doc.options.map((o) => o.id)).toEqual(OPTIONS.map((o) => o.id));
    expect(doc.criteria.map((c) => c.id)).toEqual(CRITERIA.map((c) => c.id));
    expect(doc.members.map((m) => m.name)).toEqual([PEOPLE.ana.name, PEOPLE.ben.name]);
  });

  test("revealed: every round, and the tally of the current round", () => {
    const doc = buildDecisionJson(source({ status: "revealed", rounds: 2 }));
    expect(doc.round).toBe(2);
    expect(doc.rounds.map((r) => [r.round, r.scores.length])).toEqual([
      [1, 8],
      [2, 8],
    ]);
    const spring = OPTIONS[1]!.id;
    const speed = CRITERIA[0]!.id;
    // Ben scored Spring Boot's speed 3 in round 1 and 4 in round 2: the tally uses round 2.
    expect(doc.tally!.options.find((o) => o.optionId === spring)!.perCriterion[speed]!.mean).toBe(3);
  });

  test("decided: the snapshot's values, not the rows (which may have changed since)", () => {
    const src = source({ status: "decided" });
    const edited = { ...src, values: { ...src.values!, scores: src.values!.scores.map((s) => ({ ...s, score: 1, comment: "edited later" })) } };
    const doc = buildDecisionJson(edited);
    expect(doc.frozen).toBe(true);
    expect(formatDecisionJson(doc)).not.toContain("edited later");
    expect(doc).toStrictEqual(buildDecisionJson(src));
    expect(doc.rounds.map((r) => r.round)).toEqual([1]);
    expect(doc.outcome).toMatchObject({ chosenOptionName: "Fastify", topRanked: true, decidedBy: PEOPLE.cleo.name });
  });

  test("decided in round 2: earlier rounds from the rows, the deciding round from the snapshot", () => {
    const doc = buildDecisionJson(source({ status: "decided", rounds: 2 }));
    expect(doc.round).toBe(2);
    expect(doc.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(doc.rounds[0]!.scores.every((s) => s.memberId !== null)).toBe(true);
  });

  test("a snapshot without a round is round 1", () => {
    const src = source({ status: "decided" });
    expect((src.outcome!.snapshot as Record<string, unknown>).round).toBeUndefined();
    expect(buildDecisionJson(src).round).toBe(1);
  });

  test("a tally read back from jsonb, keys reordered, gives the same bytes", () => {
    const src = source({ status: "decided" });
    const reorder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value && typeof value === "object") {
        return Object.fromEntries(
          Object.keys(value)
            .sort((a, b) => a.length - b.length || (a < b ? 1 : -1))
            .map((k) => [k, reorder((value as Record<string, unknown>)[k])]),
        );
      }
      return value;
    };
    const shuffled = { ...src, outcome: { ...src.outcome!, snapshot: reorder(src.outcome!.snapshot) } };
    expect(formatDecisionJson(buildDecisionJson(shuffled))).toBe(formatDecisionJson(buildDecisionJson(src)));
  });

  test("the tally of a live decision matches lib/domain/tally for the same inputs", () => {
    const doc = buildDecisionJson(source({ status: "revealed" }));
    const expected = tally({
      options: OPTIONS,
      criteria: CRITERIA,
      members: doc.members,
      weights: doc.weights,
      scores: doc.rounds[0]!.scores.map((s) => ({ ...s, memberId: s.memberId! })),
    });
    const order = { optionIds: OPTIONS.map((o) => o.id), criterionIds: CRITERIA.map((c) => c.id), memberIds: doc.members.map((m) => m.id) };
    expect(doc.tally).toStrictEqual(canonicalTally(expected, order));
  });

  test("history: oldest first, every event with its type, actor, ISO time and payload", () => {
    const doc = buildDecisionJson(source({ status: "scoring" }));
    expect(doc.history.map((e) => [e.id, e.type, e.actor, e.at])).toEqual([
      [12, "decision.created", PEOPLE.cleo.name, "2025-03-01T09:00:00.000Z"],
      [14, "decision.phase_changed", PEOPLE.cleo.name, "2025-03-01T09:30:00.000Z"],
      [15, "decision.edited", PEOPLE.ana.name, "2025-03-01T10:00:00.000Z"],
      [16, "scores.submitted", PEOPLE.ben.name, "2025-03-01T11:00:00.000Z"],
    ]);
    expect(Object.keys(doc.history[1]!.payload)).toEqual(["from", "reason", "to"]);
    // Only that a sheet was submitted: no count of cells, even from an event that recorded one.
    expect(doc.history[3]!.payload).toEqual({});
  });

  describe("anonymous decisions name nobody", () => {
    test.each<[string, Variant]>([
      ["scoring", { status: "scoring", anonymous: true }],
      ["revealed", { status: "revealed", anonymous: true }],
      ["revealed, round 2", { status: "revealed", anonymous: true, rounds: 2 }],
      ["decided", { status: "decided", anonymous: true }],
      ["decided in round 2", { status: "decided", anonymous: true, rounds: 2 }],
    ])("%s", (_name, variant) => {
      const doc = buildDecisionJson(source(variant));
      const text = formatDecisionJson(doc);
      for (const name of ALL_NAMES) expect(text).not.toContain(name);
      for (const userId of ALL_USER_IDS) expect(text).not.toContain(userId);
      expect(doc.decision.facilitator).toBeNull();
      expect(doc.history.every((e) => e.actor === null)).toBe(true);
      expect(doc.history.find((e) => e.type === "decision.edited")!.payload).toEqual({ a: {}, z: 1 });
      if (!doc.sealed)
        expect(doc.members).toEqual([
          { id: "member-1", name: "Member 1" },
          { id: "member-2", name: "Member 2" },
        ]);
      if (doc.outcome) expect(doc.outcome.decidedBy).toBeNull();
    });

    test("pseudonyms are numbered by what members entered, not by name", () => {
      const revealed = buildDecisionJson(source({ status: "revealed", anonymous: true }));
      const renamed = source({ status: "revealed", anonymous: true });
      // Swap the names: were pseudonyms given in name order, Member 1 would now be the other person.
      renamed.values!.people = [
        { id: PEOPLE.ana.id, name: "Zoe Zimmer" },
        { id: PEOPLE.ben.id, name: "Aaron Aalto" },
      ];
      expect(buildDecisionJson(renamed)).toStrictEqual(revealed);
    });

    test("live and frozen pseudonyms agree for the same inputs", () => {
      const live = buildDecisionJson(source({ status: "revealed", anonymous: true }));
      const frozen = buildDecisionJson(source({ status: "decided", anonymous: true }));
      expect(frozen.members).toEqual(live.members);
      expect(frozen.weights).toEqual(live.weights);
      expect(frozen.rounds).toEqual(live.rounds);
      expect(frozen.tally).toEqual(live.tally);
    });

    test("earlier rounds of an anonymous decided decision carry no member: the snapshot cannot link them", () => {
      const doc = buildDecisionJson(source({ status: "decided", anonymous: true, rounds: 2 }));
      expect(doc.rounds[0]!.scores.every((s) => s.memberId === null)).toBe(true);
      expect(doc.rounds[1]!.scores.every((s) => s.memberId?.startsWith("member-"))).toBe(true);
    });
  });
});
