import { describe, expect, test } from "vitest";
import { DamagedSnapshotError, decisionSnapshotSchema, parseDecisionSnapshot } from "../../../lib/validation/decision-snapshot";
import { scoresOf, snapshotFor } from "../exports/fixtures";

// Read back as the database gives it: plain JSON, open to any damage.
type Stored = ReturnType<typeof JSON.parse>;
const stored = (): Stored => JSON.parse(JSON.stringify(snapshotFor({ anonymous: false, round: 1, scores: scoresOf(1) })));

describe("decision snapshot", () => {
  test("a snapshot as written reads back unchanged", () => {
    const snapshot = stored();
    expect(parseDecisionSnapshot(snapshot)).toEqual(snapshot);
  });

  test("a snapshot from before re-votes, with no round, still reads", () => {
    const { round: _round, ...old } = stored();
    expect(parseDecisionSnapshot(old).round).toBeUndefined();
  });

  test.each([
    ["the tally's options are not a list", (s: Stored) => void (s.tally.options = "nope"), "tally.options"],
    ["a member's weight is text", (s: Stored) => void (s.inputs.weights[0].weight = "8"), "inputs.weights.0.weight"],
    ["the inputs are gone", (s: Stored) => void delete s.inputs, "inputs"],
    ["an unknown version", (s: Stored) => void (s.snapshotVersion = 2), "snapshotVersion"],
    ["a consensus label the tally never gives", (s: Stored) => void (s.tally.consensus = { value: 1, label: "total" }), "tally.consensus.label"],
  ])("%s: a clear error naming the path", (_what, damage, path) => {
    const snapshot = stored();
    damage(snapshot);
    expect(() => parseDecisionSnapshot(snapshot)).toThrow(DamagedSnapshotError);
    expect(() => parseDecisionSnapshot(snapshot)).toThrow(`${path}:`);
  });

  test.each([null, "text", 42, [], {}])("%j is not a snapshot", (value) => {
    expect(() => parseDecisionSnapshot(value)).toThrow(/frozen snapshot is damaged/);
  });

  test("the schema is the one that reads it", () => {
    expect(decisionSnapshotSchema.safeParse(stored()).success).toBe(true);
  });
});
