import { describe, expect, test } from "vitest";
import { tally } from "../../../lib/domain/tally";
import { tallyOf } from "../../../lib/domain/tally-of";

describe("tallyOf", () => {
  const members = [
    { id: "m1", name: "Ada" },
    { id: "m2", name: "Bo" },
  ];
  const weights = [
    { memberId: "m1", criterionId: "c1", weight: 3 },
    { memberId: "m2", criterionId: "c1", weight: 5 },
  ];
  const scores = [
    { memberId: "m1", optionId: "o1", criterionId: "c1", score: 4, comment: "fast", evidenceUrl: "https://example.com/a" },
    { memberId: "m2", optionId: "o2", criterionId: "c1", score: 2, comment: null, evidenceUrl: null },
  ];

  test("reads only ids and names of the structure, whatever else its rows carry", () => {
    const structure = {
      options: [
        { id: "o1", name: "Alpha", description: "first", link: "https://example.com" },
        { id: "o2", name: "Beta", description: "", link: null },
      ],
      criteria: [{ id: "c1", name: "Speed", description: "how fast" }],
    };
    const plain = tally({
      options: [
        { id: "o1", name: "Alpha" },
        { id: "o2", name: "Beta" },
      ],
      criteria: [{ id: "c1", name: "Speed" }],
      members,
      weights,
      scores,
    });
    expect(tallyOf(structure, { members, weights, scores })).toEqual(plain);
  });
});
