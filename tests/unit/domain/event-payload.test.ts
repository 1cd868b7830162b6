import { describe, expect, test } from "vitest";
import { visibleEventPayload } from "@/lib/domain/event-payload";

describe("visible event payload", () => {
  test.each(["weights.submitted", "weights.updated", "scores.submitted", "scores.updated"])("%s shows nothing beyond its type", (type) => {
    expect(visibleEventPayload(type, { cells: 12, anything: "else" })).toEqual({});
    expect(visibleEventPayload(type, null)).toEqual({});
  });

  test("other events keep their payload", () => {
    const payload = { from: "scoring", to: "revealed" };
    expect(visibleEventPayload("decision.phase_changed", payload)).toBe(payload);
    expect(visibleEventPayload("member.removed", null)).toEqual({});
  });
});
