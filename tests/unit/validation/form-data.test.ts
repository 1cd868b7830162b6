import { describe, expect, test } from "vitest";
import { z } from "zod";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { ECHO_LIMITS, fieldErrorsOf, formValues, parseForm } from "@/lib/validation/form-data";
import { createInviteSchema } from "@/lib/validation/invite";

function formData(entries: Array<[string, string | Blob]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("formValues", () => {
  test.each<{ name: string; entries: Array<[string, string | Blob]>; expected: Record<string, string> }>([
    {
      name: "keeps what the user typed",
      entries: [
        ["name", "Ada"],
        ["email", "ADA@example.com "],
      ],
      expected: { name: "Ada", email: "ADA@example.com " },
    },
    {
      name: "never echoes the password back",
      entries: [
        ["email", "ada@example.com"],
        ["password", "hunter2hunter2"],
      ],
      expected: { email: "ada@example.com" },
    },
    {
      name: "skips React's $ACTION fields",
      entries: [
        ["$ACTION_ID_abc123", ""],
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "{}"],
        ["name", "Ada"],
      ],
      expected: { name: "Ada" },
    },
    {
      name: "skips uploaded files",
      entries: [
        ["avatar", new File(["x"], "a.png")],
        ["name", "Ada"],
      ],
      expected: { name: "Ada" },
    },
    {
      name: "keeps blank fields and hidden inputs",
      entries: [
        ["callbackUrl", "/teams/1"],
        ["maxUses", ""],
      ],
      expected: { callbackUrl: "/teams/1", maxUses: "" },
    },
    {
      name: "keeps the last of repeated fields",
      entries: [
        ["role", "viewer"],
        ["role", "admin"],
      ],
      expected: { role: "admin" },
    },
    { name: "returns nothing for an empty form", entries: [], expected: {} },
  ])("$name", ({ entries, expected }) => {
    expect(formValues(formData(entries))).toEqual(expected);
  });
});

describe("formValues echoes no more than a form can hold", () => {
  test("cuts each value to the largest field's size", () => {
    const values = formValues(formData([["context", "x".repeat(1_000_000)]]));
    expect(values.context).toHaveLength(ECHO_LIMITS.valueLength);
  });

  test("stops at the total size", () => {
    const entries = Array.from({ length: 100 }, (_, i) => [`field${i}`, "y".repeat(ECHO_LIMITS.valueLength)] as [string, string]);
    const total = Object.values(formValues(formData(entries))).reduce((sum, v) => sum + v.length, 0);
    expect(total).toBeLessThanOrEqual(ECHO_LIMITS.totalLength);
  });

  test("stops at the number of fields", () => {
    const entries = Array.from({ length: 5000 }, (_, i) => [`f${i}`, "z"] as [string, string]);
    expect(Object.keys(formValues(formData(entries)))).toHaveLength(ECHO_LIMITS.fields);
  });

  test("never echoes any password field, however it is named", () => {
    const values = formValues(
      formData([
        ["newPassword", "a"],
        ["currentPassword", "b"],
        ["PASSWORD", "c"],
        ["name", "Ada"],
      ]),
    );
    expect(values).toEqual({ name: "Ada" });
  });

  test("never echoes names that reach for a prototype or are too long to be ours", () => {
    const values = formValues(
      formData([
        ["__proto__", "a"],
        ["constructor.prototype.x", "b"],
        ["n".repeat(500), "c"],
        ["name", "Ada"],
      ]),
    );
    expect(Object.keys(values)).toEqual(["name"]);
  });
});

describe("fieldErrorsOf", () => {
  test("keeps only the first message per field, keyed by the field path", () => {
    const schema = z.object({
      code: z.string().min(3, "too short").regex(/^\d+$/, "digits only"),
      address: z.object({ city: z.string("Enter a city") }),
    });
    const result = schema.safeParse({ code: "x", address: {} });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ code: "too short", "address.city": "Enter a city" });
  });

  test("a record's bad key gets the key schema's own message, not the record's", () => {
    const schema = z.record(z.uuid({ error: "Unknown criterion" }), z.number(), { error: "Give a weight for each criterion" });
    const result = schema.safeParse({ constructor: 5, ["__proto__"]: 1 });
    expect(fieldErrorsOf(result.error!)).toEqual({ constructor: "Unknown criterion" });
    // Not an object at all: the record's own message.
    expect(fieldErrorsOf(schema.safeParse("weights").error!)).toEqual({ form: "Give a weight for each criterion" });
  });

  test("files issues without a path under 'form'", () => {
    const schema = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, "The two values must match");
    const result = schema.safeParse({ a: "x", b: "y" });
    expect(fieldErrorsOf(result.error!)).toEqual({ form: "The two values must match" });
  });

  test("is empty for an error without issues", () => {
    expect(fieldErrorsOf(new z.ZodError([]))).toEqual({});
  });
});

describe("parseForm", () => {
  test("returns the parsed, transformed data on success", () => {
    const result = parseForm(
      signUpSchema,
      formData([
        ["name", " Ada "],
        ["email", "ADA@Example.com"],
        ["password", "long enough"],
      ]),
    );
    expect(result).toEqual({ success: true, data: { name: "Ada", email: "ada@example.com", password: "long enough" } });
  });

  test("turns the invite form's blank strings into defaults", () => {
    const result = parseForm(
      createInviteSchema,
      formData([
        ["teamId", "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90"],
        ["role", "viewer"],
        ["expiresInDays", ""],
        ["maxUses", ""],
      ]),
    );
    expect(result).toEqual({
      success: true,
      data: { teamId: "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90", role: "viewer", expiresInDays: 7, maxUses: undefined },
    });
  });

  test("on failure returns a form state with field errors and the typed values, minus the password", () => {
    const result = parseForm(
      signInSchema,
      formData([
        ["$ACTION_ID_x", ""],
        ["email", "not-an-email"],
        ["password", "secret"],
        ["callbackUrl", "/teams"],
      ]),
    );
    expect(result).toEqual({
      success: false,
      state: {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { email: "Enter a valid email address, like name@example.com" },
        values: { email: "not-an-email", callbackUrl: "/teams" },
      },
    });
  });

  test("reports each missing field once", () => {
    const result = parseForm(signUpSchema, formData([]));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.state.fieldErrors).toEqual({ name: "Enter your name", email: "Enter your email address", password: "Choose a password" });
    expect(result.state.values).toEqual({});
  });
});
