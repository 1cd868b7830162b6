import { describe, expect, test } from "vitest";
import { acceptInviteSchema } from "@/lib/validation/accept-invite";
import { id, optionalWholeNumber, personName, role, wholeNumber, wholeNumberOr } from "@/lib/validation/fields";
import { issuesOf, parsed } from "../support/zod";

const messages: Parameters<typeof wholeNumber>[0] = { invalid: "Pick a number", fraction: "Whole numbers only", min: [1, "At least 1"], max: [9, "At most 9"] };

describe("shared fields", () => {
  test("a name is trimmed, required and bounded", () => {
    expect(parsed(personName, "  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(issuesOf(personName, "   ")).toEqual([": Enter your name"]);
    expect(issuesOf(personName, "x".repeat(81))).toEqual([": Use at most 80 characters for your name"]);
    expect(issuesOf(personName, 42)).toEqual([": Enter your name"]);
  });

  test("an id is a uuid, named in its message", () => {
    expect(issuesOf(id("team"), "not-a-uuid")).toEqual([": Unknown team"]);
  });

  test("a role is one of the four", () => {
    expect(parsed(role, "viewer")).toBe("viewer");
    expect(issuesOf(role, "superuser")).toEqual([": Choose a role: owner, admin, member or viewer"]);
  });

  test("a whole number: one message per wrong input, the most specific", () => {
    const n = wholeNumber(messages);
    expect(parsed(n, "5")).toBe(5);
    expect(parsed(n, 5)).toBe(5);
    expect(issuesOf(n, "2.5")).toEqual([": Whole numbers only"]);
    expect(issuesOf(n, "0")).toEqual([": At least 1"]);
    expect(issuesOf(n, "10")).toEqual([": At most 9"]);
    expect(issuesOf(n, "")).toEqual([": Pick a number"]);
  });

  test("an optional whole number left blank is not given; one with a fallback takes it", () => {
    expect(parsed(optionalWholeNumber(messages), "")).toBeUndefined();
    expect(parsed(optionalWholeNumber(messages), null)).toBeUndefined();
    expect(parsed(wholeNumberOr(3, messages), "")).toBe(3);
    expect(issuesOf(wholeNumberOr(3, messages), "x")).toEqual([": Pick a number"]);
  });
});

describe("acceptInviteSchema", () => {
  test("takes a token of reasonable length", () => {
    expect(parsed(acceptInviteSchema, { token: "abc" }).token).toBe("abc");
  });

  test.each([{}, { token: 5 }, { token: "x".repeat(201) }])("refuses %j as an invalid link", (input) => {
    expect(issuesOf(acceptInviteSchema, input)).toEqual(["token: This invite link is not valid"]);
  });
});
