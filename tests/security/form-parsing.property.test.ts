import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { ECHO_LIMITS, FORM_LIMITS, formValues, nestedFormData, parseForm } from "@/lib/validation/form-data";
import { freshObjectIsClean, prototypeChanges, restorePrototype } from "../support/prototype-guard";
import { allValidationSchemas, type NamedSchema } from "./validation-schemas";

const UUID = "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90";
const DANGEROUS = ["__proto__", "constructor", "prototype"];
const INHERITED = ["toString", "valueOf", "hasOwnProperty", "__defineGetter__", "__lookupGetter__", "isPrototypeOf", "then", "length"];
const REAL_FIELDS = [
  "email",
  "password",
  "name",
  "title",
  "context",
  "teamId",
  "decisionId",
  "criteria",
  "customOptions",
  "frameworks",
  "weights",
  "scores",
  "score",
  "comment",
  "evidence",
  "link",
  "role",
  "expiresInDays",
  "maxUses",
  "timezoneOffset",
  "weightingDeadline",
  "version",
  "round",
  "token",
  "0",
  "1",
  UUID,
];

/** Path segments an attacker would try, mixed with the app's own names and anything at all. */
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANGEROUS) },
  { weight: 2, arbitrary: fc.constantFrom(...INHERITED) },
  { weight: 4, arbitrary: fc.constantFrom(...REAL_FIELDS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

const fieldName = fc.oneof(
  { weight: 8, arbitrary: fc.array(segment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(".")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("$ACTION_ID_x", "$ACTION_REF_1", "$ACTION_KEY", "__proto__.toString.x", "__proto__.name", "constructor.prototype.name"),
  },
);

const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "1e1", "0x5", " 7 ", "-0", "NaN", "Infinity", "9999-99-99T99:99", "javascript:alert(1)", UUID, "on", "true"),
  fc.integer().map(String),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.nat({ max: 20_000 }).map((n) => "v".repeat(n)),
);

const formEntries = fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 40 });

function toFormData(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

function expectPrototypesIntact() {
  const changes = prototypeChanges();
  const arrayKeys: string[] = [];
  for (const key in []) arrayKeys.push(key);
  restorePrototype();
  expect(changes).toEqual([]);
  expect(freshObjectIsClean()).toBe(true);
  expect(arrayKeys).toEqual([]);
}

let schemas: NamedSchema[] = [];
beforeAll(async () => {
  schemas = await allValidationSchemas();
});
afterEach(() => restorePrototype());

describe("the form parser under arbitrary field names and values", () => {
  test("finds the schemas it is meant to cover", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(20);
  });

  test("every schema: parseForm returns data or a form error, never throws, never pollutes", () => {
    for (const { name, schema } of schemas) {
      fc.assert(
        fc.property(formEntries, (entries) => {
          let result: ReturnType<typeof parseForm> | undefined;
          expect(() => (result = parseForm(schema, toFormData(entries))), name).not.toThrow();
          if (!result!.success) {
            expect(result!.state.ok).toBe(false);
            expect(typeof result!.state.message).toBe("string");
          }
          expectPrototypesIntact();
        }),
        { numRuns: 60 },
      );
    }
  });

  test("any name with a __proto__, constructor or prototype segment is refused as a whole", () => {
    fc.assert(
      fc.property(
        formEntries,
        fc.array(segment, { maxLength: 3 }),
        fc.constantFrom(...DANGEROUS),
        fc.array(segment, { maxLength: 3 }),
        fieldValue,
        (entries, before, danger, after, value) => {
          const name = [...before, danger, ...after].join(".");
          const read = nestedFormData(toFormData([...entries, [name, value]]));
          expect(read.success).toBe(false);
          expectPrototypesIntact();
        },
      ),
    );
  });

  test("what it builds has no prototype at any depth, so no key can lead to Object.prototype", () => {
    fc.assert(
      fc.property(formEntries, (entries) => {
        const read = nestedFormData(toFormData(entries));
        if (!read.success) return;
        const stack: unknown[] = [read.data];
        while (stack.length > 0) {
          const node = stack.pop();
          if (typeof node !== "object" || node === null || Array.isArray(node)) continue;
          expect(Object.getPrototypeOf(node)).toBeNull();
          stack.push(...Object.values(node));
        }
      }),
    );
  });

  test("forms over the field limit are refused with a form error", () => {
    fc.assert(
      fc.property(fc.integer({ min: FORM_LIMITS.fields + 1, max: FORM_LIMITS.fields + 3000 }), (count) => {
        const entries = Array.from({ length: count }, (_, i) => [`f${i}`, "x"] as [string, string]);
        expect(nestedFormData(toFormData(entries)).success).toBe(false);
      }),
      { numRuns: 5 },
    );
  });

  test("the echo of a failed form is bounded, has no password and no prototype names", () => {
    fc.assert(
      fc.property(formEntries, fc.constantFrom("password", "newPassword", "currentPassword"), fc.string(), (entries, secretName, secret) => {
        const values = formValues(toFormData([...entries, [secretName, secret]]));
        const keys = Object.keys(values);
        expect(keys.length).toBeLessThanOrEqual(ECHO_LIMITS.fields);
        expect(keys.some((k) => /password/i.test(k))).toBe(false);
        expect(keys.some((k) => k.split(".").some((s) => DANGEROUS.includes(s)))).toBe(false);
        expect(Object.values(values).every((v) => v.length <= ECHO_LIMITS.valueLength)).toBe(true);
        expect(Object.values(values).reduce((sum, v) => sum + v.length, 0)).toBeLessThanOrEqual(ECHO_LIMITS.totalLength);
        expectPrototypesIntact();
      }),
    );
  });
});
