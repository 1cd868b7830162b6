import { describe, expect, test } from "vitest";
import { decisionLogQuery, decisionPageQuery, teamPageQuery } from "@/lib/validation/page-query";

// Page numbers and cursors come from links and hand-edited addresses: anything unreadable is the
// start of the list, never an error.

describe("page queries", () => {
  test.each([
    [{}, 1],
    [{ page: "3" }, 3],
    [{ page: ["4", "9"] }, 4],
    [{ page: "0" }, 1],
    [{ page: "-2" }, 1],
    [{ page: "2.5" }, 1],
    [{ page: "abc" }, 1],
    [{ page: "" }, 1],
    [{ page: "1e9" }, 1],
  ])("the log's page from %j is %i", (params, page) => {
    expect(decisionLogQuery(params).page).toBe(page);
  });

  test("the log keeps its filters beside the page; a bad filter is dropped, not the page", () => {
    expect(decisionLogQuery({ status: "scoring", q: " kafka ", page: "2" })).toEqual({ status: "scoring", q: "kafka", page: 2 });
    expect(decisionLogQuery({ status: ["lost"], q: "x".repeat(121), page: "2" })).toEqual({ status: undefined, q: undefined, page: 2 });
  });

  test.each([
    [{}, undefined],
    [{ before: "1234" }, 1234],
    [{ before: ["55", "66"] }, 55],
    [{ before: "0" }, undefined],
    [{ before: "-4" }, undefined],
    [{ before: "12abc" }, undefined],
    [{ before: "99999999999999999999" }, undefined],
  ])("the timeline's cursor from %j is %s", (params, before) => {
    expect(decisionPageQuery(params).before).toBe(before);
  });

  test("the decision page's voters and the team page's members and invites each have a page", () => {
    expect(decisionPageQuery({ voters: "3", before: "10" })).toEqual({ voters: 3, before: 10 });
    expect(teamPageQuery({ members: "2", invites: "x" })).toEqual({ members: 2, invites: 1 });
    expect(teamPageQuery({})).toEqual({ members: 1, invites: 1 });
  });

  test("the team page announces a removal only for a member id, whatever else the address says", () => {
    const id = "3a671cb2-a161-4a27-92a3-08dcf3e81602";
    expect(teamPageQuery({ removed: id }).removed).toBe(id);
    expect(teamPageQuery({ removed: [id, "x"] }).removed).toBe(id);
    for (const removed of ["Mallory was promoted", "__proto__", "", [], "3a671cb2-a161-4a27-92a3-08dcf3e8160"]) {
      expect(teamPageQuery({ removed }).removed).toBeUndefined();
    }
  });
});
