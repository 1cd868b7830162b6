import { describe, expect, test } from "vitest";
import { ROLES, roleWithArticle } from "../../../lib/domain/roles";

describe("roleWithArticle", () => {
  test("says each role as a sentence does", () => {
    expect(ROLES.map(roleWithArticle)).toEqual(["an owner", "an admin", "a member", "a viewer"]);
  });

  test("reads anything that is not a role's name as a member, Object.prototype's names too", () => {
    for (const value of ["constructor", "__proto__", "toString", "ADMIN", "", null, undefined, 3, {}, ["admin"]]) {
      expect(roleWithArticle(value)).toBe("a member");
    }
  });
});
