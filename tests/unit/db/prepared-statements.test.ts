import { describe, expect, test } from "vitest";
import { MAX_NAMED_TEXTS, shouldName } from "../../../db/prepared-statements";

// Named statements live as long as their connection, one per distinct text: only texts whose
// shape is fixed may be named, and never more than a bounded number of them.

describe("shouldName", () => {
  test("names a statement of fixed shape, and the same text again", () => {
    const named = new Set<string>();
    const text = 'select "id" from "sessions" where ("sessions"."id" = $1 and "sessions"."user_id" = $2) limit $3';
    expect(shouldName(text, named)).toBe(true);
    expect(shouldName(text, named)).toBe(true);
    expect(named.size).toBe(1);
  });

  test.each([
    ['insert into "weights" ("criterion_id", "weight") values ($1, $2)'],
    ['insert into "events" ("id", "team_id", "type", "payload") values (default, $1, $2, $3)'],
    ['select "id" from "scores" where "scores"."round" in ($1)'],
  ])("names a one-row insert, and a one-item list (a longer list is another text): %s", (text) => {
    expect(shouldName(text, new Set())).toBe(true);
  });

  test.each([
    ['select "id" from "scores" where "scores"."round" in ($1, $2, $3)'],
    ['select "id" from "scores" where "scores"."round" IN ( $1 ,$2 )'],
    ['insert into "options" ("name", "position") values ($1, $2), ($3, $4)'],
    ['insert into "events" ("id", "type") values (default, $1), (default, $2)'],
    ["select array_position(array[$1, $2, $3], role)"],
  ])("does not name a text that grows with the data: %s", (text) => {
    const named = new Set<string>();
    expect(shouldName(text, named)).toBe(false);
    expect(named.size).toBe(0);
  });

  test("does not name a huge text", () => {
    expect(shouldName(`select ${"1 + ".repeat(4_000)}1`, new Set())).toBe(false);
  });

  test(`names at most ${MAX_NAMED_TEXTS} texts, then only those already named`, () => {
    const named = new Set<string>();
    for (let i = 0; i < MAX_NAMED_TEXTS; i++) expect(shouldName(`select $1::int + ${i}`, named)).toBe(true);
    expect(shouldName("select $1::int - 1", named)).toBe(false);
    expect(shouldName("select $1::int + 7", named)).toBe(true);
  });
});
