import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { freshObjectIsClean, prototypeChanges, restorePrototype } from "../support/prototype-guard";
import { allValidationSchemas, type NamedSchema } from "./validation-schemas";

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"),
  fc.string({ maxLength: 10 }),
);

/** Any value at all, with objects keyed by prototype names and objects without a prototype. */
const anyInput = fc.anything({ key: hostileKey, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, maxDepth: 4 });

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
  test("safeParse answers data or issues, never throws, never pollutes a prototype", () => {
    for (const { name, schema } of schemas) {
      fc.assert(
        fc.property(fc.oneof(anyInput, shapedInput), (input) => {
          let result: ReturnType<typeof schema.safeParse> | undefined;
          expect(() => (result = schema.safeParse(input)), name).not.toThrow();
          if (!result!.success) expect(() => fieldErrorsOf(result!.error!)).not.toThrow();
          expect(prototypeChanges()).toEqual([]);
          expect(freshObjectIsClean()).toBe(true);
        }),
        { numRuns: 80 },
      );
    }
  });
});
