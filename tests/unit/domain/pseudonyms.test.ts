import { describe, expect, test } from "vitest";
import { pseudonymise, pseudonymName, pseudonymsByContent } from "../../../lib/domain/pseudonyms";

const structure = { optionIds: ["o1", "o2"], criterionIds: ["c1", "c2"] };
const weights = (memberId: string, c1: number, c2: number) => [
  { memberId, criterionId: "c1", weight: c1 },
  { memberId, criterionId: "c2", weight: c2 },
];
const score = (memberId: string, optionId: string, criterionId: string, value: number) => ({
  memberId,
  optionId,
  criterionId,
  score: value,
  comment: null,
  evidenceUrl: null,
});

describe("pseudonymsByContent", () => {
  test("numbers members by their weights first, whatever their ids or listing order", () => {
    const contribution = { weights: [...weights("zzz", 1, 9), ...weights("aaa", 7, 0)], scores: [] };
    const alias = pseudonymsByContent(["aaa", "zzz"], contribution, structure);
    expect(alias).toEqual(
      new Map([
        ["zzz", "member-1"],
        ["aaa", "member-2"],
      ]),
    );
    expect(pseudonymsByContent(["zzz", "aaa"], contribution, structure)).toEqual(alias);
  });

  test("equal weights are told apart by scores, round by round", () => {
    const contribution = {
      weights: [...weights("a", 5, 5), ...weights("b", 5, 5)],
      scores: [
        { round: 1, ...score("a", "o1", "c1", 4) },
        { round: 1, ...score("b", "o1", "c1", 2) },
      ],
    };
    expect(pseudonymsByContent(["a", "b"], contribution, structure).get("b")).toBe("member-1");
  });

  test("rows that belong to no member number no one", () => {
    const contribution = { weights: weights("a", 1, 1), scores: [{ round: 1, ...score("a", "o1", "c1", 3), memberId: null }] };
    expect(pseudonymsByContent(["a"], contribution, structure)).toEqual(new Map([["a", "member-1"]]));
  });
});

describe("pseudonymise", () => {
  const inputs = {
    members: [
      { id: "u-low", name: "Ada Lovelace" },
      { id: "u-high", name: "Bo Diddley" },
    ],
    weights: [...weights("u-low", 8, 2), ...weights("u-high", 5, 5)],
    scores: [score("u-low", "o1", "c1", 5), score("u-high", "o2", "c2", 1)],
  };

  test("replaces every member by a pseudonym numbered as the exports number them", () => {
    const recorded = pseudonymise(inputs, structure);
    expect(recorded.members).toEqual([
      { id: "member-1", name: "Member 1" },
      { id: "member-2", name: "Member 2" },
    ]);
    expect(recorded.weights.filter((w) => w.memberId === "member-1").map((w) => w.weight)).toEqual([5, 5]);
    expect(recorded.scores).toEqual([score("member-2", "o1", "c1", 5), score("member-1", "o2", "c2", 1)]);
    expect(JSON.stringify(recorded)).not.toMatch(/u-low|u-high|Ada|Bo/);
  });

  test("gives the same record for the same entries, however the members are listed", () => {
    const reversed = { ...inputs, members: [...inputs.members].reverse() };
    expect(pseudonymise(reversed, structure)).toEqual(pseudonymise(inputs, structure));
  });

  test("names follow the number", () => {
    expect(pseudonymName("member-12")).toBe("Member 12");
  });
});
