import fc from "fast-check";
import { z } from "zod";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { checkInput } from "@/lib/validation/form-data";
import { freshObjectIsClean, prototypeChanges, restorePrototype } from "../support/prototype-guard";
import { allValidationSchemas, type NamedSchema } from "./validation-schemas";

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"),
  fc.string({ maxLength: 10 }),
);

/** Any value at all, with objects keyed by prototype names and objects without a prototype. */
const anyInput = fc.anything({
  key: hostileKey,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  maxDepth: 4,
});

/** Values shaped like the schema's own objects, with hostile keys and values mixed in. */
const shapedInput = fc.dictionary(
  fc.oneof(hostileKey, fc.constantFrom("teamId", "decisionId", "weights", "scores", "criteria", "customOptions", "email", "name", "title")),
  fc.oneof(anyInput, fc.dictionary(hostileKey, anyInput, { maxKeys: 4 })),
  { maxKeys: 8 },
);

let schemas: NamedSchema[] = [];
beforeAll(async () => {
  schemas = await allValidationSchemas();
});
afterEach(() => restorePrototype());

describe("every zod schema in lib/validation under arbitrary input", () => {
  test("checkInput (what parseForm asks) answers data or errors, never throws, never pollutes a prototype", () => {
    for (const { name, schema } of schemas) {
      fc.assert(
        fc.property(fc.oneof(anyInput, shapedInput), (input) => {
          expect(() => checkInput(schema, input), name).not.toThrow();
          expect(prototypeChanges()).toEqual([]);
          expect(freshObjectIsClean()).toBe(true);
        }),
        { numRuns: 80 },
      );
    }
  });
});

test("an object without a prototype where text is expected, which makes zod itself throw, is an unreadable form", () => {
  const text = z.string().min(1);
  expect(() => text.safeParse({ length: Object.create(null) })).toThrow();
  expect(checkInput(text, { length: Object.create(null) })).toEqual({ success: false, fieldErrors: null });
});
