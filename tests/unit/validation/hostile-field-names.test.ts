import { afterEach, describe, expect, test } from "vitest";
import { signInSchema } from "@/lib/validation/auth";
import { scoreSheetSchema } from "@/lib/validation/decision";
import { parseForm } from "@/lib/validation/form-data";
import { createTeamSchema } from "@/lib/validation/team";
import { freshObjectIsClean, prototypeChanges, restorePrototype } from "../../support/prototype-guard";

function formData(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const SIGN_IN = [
  ["email", "ada@example.com"],
  ["password", "long enough"],
] as Array<[string, string]>;

afterEach(() => restorePrototype());

describe("field names that reach for a prototype", () => {
  test.each([
    "__proto__.toString.x",
    "__proto__.name",
    "__proto__",
    "constructor.prototype.name",
    "constructor.prototype.toString.x",
    "email.__proto__.polluted",
    "a.__proto__.b.__proto__.c",
    "criteria.0.__proto__.name",
    "prototype.name",
    "constructor",
    // Names starting with $ are the framework's and otherwise skipped; a prototype segment still refuses them.
    "$.__proto__",
    "$ACTION_1:0.constructor",
  ])("%s is refused with a form error and leaves Object.prototype alone", (name) => {
    const result = parseForm(signInSchema, formData([...SIGN_IN, [name, "attacker"]]));
    expect(prototypeChanges()).toEqual([]);
    expect(freshObjectIsClean()).toBe(true);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.ok).toBe(false);
    expect(result.state.message).toMatch(/field name/i);
  });

  test("a polluted name does not fill in another person's blank team name", () => {
    parseForm(signInSchema, formData([["__proto__.name", "Named by the attacker"]]));
    const someoneElse = parseForm(createTeamSchema, formData([]));
    expect(someoneElse.success).toBe(false);
    if (someoneElse.success) return;
    expect(someoneElse.state.fieldErrors).toEqual({ name: "Give the team a name" });
  });

  test("inherited names such as toString or hasOwnProperty are ordinary, unknown fields", () => {
    const result = parseForm(signInSchema, formData([...SIGN_IN, ["toString", "x"], ["hasOwnProperty.a", "y"], ["valueOf", "z"]]));
    expect(result).toEqual({ success: true, data: { email: "ada@example.com", password: "long enough" } });
  });

  test.each(["name.length.x", "email.length.toString", "password.length.0"])(
    "%s, a nested name where text is expected, is a field error, not an exception",
    (name) => {
      const form = formData([...SIGN_IN, ["name", "A team"], [name, "x"]]);
      expect(() => parseForm(createTeamSchema, form)).not.toThrow();
      expect(() => parseForm(signInSchema, form)).not.toThrow();
    },
  );

  test("a team name sent as an object gets a form error, not an exception", () => {
    const result = parseForm(createTeamSchema, formData([["name.length.x", "x"]]));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.ok).toBe(false);
    expect(result.state.message).toBeTruthy();
  });

  test("a score sheet keyed by constructor is refused, not turned into a score", () => {
    const teamId = "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90";
    const result = parseForm(
      scoreSheetSchema,
      formData([
        ["teamId", teamId],
        ["decisionId", teamId],
        ["scores.constructor.prototype.score", "5"],
      ]),
    );
    expect(result.success).toBe(false);
    expect(prototypeChanges()).toEqual([]);
  });
});

describe("oversized forms are refused with a form error", () => {
  test("10,000 fields", () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => [`field${i}`, "x"] as [string, string]);
    const result = parseForm(signInSchema, formData([...SIGN_IN, ...entries]));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.message).toMatch(/too many fields/i);
  });

  test("a very deep path", () => {
    const result = parseForm(signInSchema, formData([...SIGN_IN, [Array.from({ length: 5000 }, () => "a").join("."), "x"]]));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.message).toMatch(/field name/i);
  });

  test("a very long field name", () => {
    const result = parseForm(signInSchema, formData([...SIGN_IN, ["n".repeat(100_000), "x"]]));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.message).toMatch(/field name/i);
  });
});
