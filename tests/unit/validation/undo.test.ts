import { describe, expect, test } from "vitest";
import { returnToDraftSchema, withdrawSheetSchema } from "@/lib/validation/undo";
import { issuesOf, parsed } from "../support/zod";

const ref = { teamId: "6f1c5d4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f", decisionId: "7a2b6c5d-3e4f-4a5b-8c9d-1e2f3a4b5c6d" };

describe("back to draft form", () => {
  test("takes the count the facilitator saw and the ticked box", () => {
    expect(parsed(returnToDraftSchema, { ...ref, setAside: "3", confirm: "on" })).toEqual({ ...ref, setAside: 3, confirm: "on" });
    expect(parsed(returnToDraftSchema, { ...ref, setAside: "0", confirm: "on" }).setAside).toBe(0);
  });

  test("an unticked box, a bad count or hostile input is refused in words", () => {
    expect(issuesOf(returnToDraftSchema, { ...ref, setAside: "2" })).toEqual([
      "confirm: Tick the box to confirm that the weights given so far will be set aside",
    ]);
    expect(issuesOf(returnToDraftSchema, { ...ref, setAside: "-1", confirm: "on" })).toEqual(["setAside: Reload the page and try again"]);
    expect(issuesOf(returnToDraftSchema, { ...ref, setAside: "1e3", confirm: "yes" })).toEqual([
      "setAside: Reload the page and try again",
      "confirm: Tick the box to confirm that the weights given so far will be set aside",
    ]);
    expect(issuesOf(returnToDraftSchema, { ...ref, setAside: { __proto__: 1 }, confirm: ["on"] })).toHaveLength(2);
  });
});

describe("withdraw sheet form", () => {
  test("names the sheet and needs the ticked box", () => {
    expect(parsed(withdrawSheetSchema, { ...ref, kind: "scores", confirm: "on" })).toEqual({ ...ref, kind: "scores", confirm: "on" });
    expect(issuesOf(withdrawSheetSchema, { ...ref, kind: "scores" })).toEqual(["confirm: Tick the box to confirm that you are taking your sheet back"]);
    expect(issuesOf(withdrawSheetSchema, { ...ref, kind: "__proto__", confirm: "on" })).toEqual(["kind: Unknown sheet"]);
    expect(issuesOf(withdrawSheetSchema, { teamId: "x", decisionId: ref.decisionId, kind: "weights", confirm: "on" })).toEqual(["teamId: Unknown team"]);
  });
});
