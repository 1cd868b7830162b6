import { describe, expect, test } from "vitest";
import { createInviteSchema, INVITE_DEFAULT_DAYS, INVITE_MAX_DAYS, regenerateInviteSchema, revokeInviteSchema } from "@/lib/validation/invite";
import { issuesOf, parsed } from "../support/zod";

const TEAM_ID = "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90";
const INVITE_ID = "c0ffee00-1234-4abc-8def-0123456789ab";

// What the invite form posts: every field is a string, blank when left empty.
const form = (fields: Record<string, unknown> = {}) => ({ teamId: TEAM_ID, role: "member", expiresInDays: "", maxUses: "", ...fields });

describe("createInviteSchema", () => {
  test("the defaults are 7 days and at most 30", () => {
    expect(INVITE_DEFAULT_DAYS).toBe(7);
    expect(INVITE_MAX_DAYS).toBe(30);
  });

  test("a form left blank means 7 days and no use limit", () => {
    expect(parsed(createInviteSchema, form())).toEqual({ teamId: TEAM_ID, role: "member", expiresInDays: 7, maxUses: undefined });
  });

  test("omitted optional fields behave like blank ones", () => {
    expect(parsed(createInviteSchema, { teamId: TEAM_ID, role: "viewer" })).toEqual({ teamId: TEAM_ID, role: "viewer", expiresInDays: 7 });
  });

  test.each([
    { input: "", expected: 7 },
    { input: undefined, expected: 7 },
    { input: "1", expected: 1 },
    { input: "14", expected: 14 },
    { input: "30", expected: 30 },
    { input: 3, expected: 3 },
  ])("expiresInDays $input → $expected", ({ input, expected }) => {
    expect(parsed(createInviteSchema, form({ expiresInDays: input })).expiresInDays).toBe(expected);
  });

  test.each([
    { input: "abc", message: "expiresInDays: Enter a number of days" },
    { input: "0", message: "expiresInDays: An invite must last at least 1 day" },
    { input: "-1", message: "expiresInDays: An invite must last at least 1 day" },
    { input: "31", message: "expiresInDays: An invite can last at most 30 days" },
    { input: "365", message: "expiresInDays: An invite can last at most 30 days" },
    { input: "2.5", message: "expiresInDays: Use a whole number of days" },
    { input: " 5 ", message: "expiresInDays: Enter a number of days" },
    { input: "1e1", message: "expiresInDays: Enter a number of days" },
    { input: "0x5", message: "expiresInDays: Enter a number of days" },
    { input: "+5", message: "expiresInDays: Enter a number of days" },
    { input: "5.", message: "expiresInDays: Enter a number of days" },
    { input: "Infinity", message: "expiresInDays: Enter a number of days" },
  ])("expiresInDays $input is rejected", ({ input, message }) => {
    expect(issuesOf(createInviteSchema, form({ expiresInDays: input }))).toEqual([message]);
  });

  test.each([
    { input: "", expected: undefined },
    { input: undefined, expected: undefined },
    { input: null, expected: undefined },
    { input: "1", expected: 1 },
    { input: "3", expected: 3 },
    { input: "1000", expected: 1000 },
  ])("maxUses $input → $expected", ({ input, expected }) => {
    expect(parsed(createInviteSchema, form({ maxUses: input })).maxUses).toBe(expected);
  });

  test.each([
    { input: "0", message: "maxUses: Allow at least 1 use, or leave it blank for no limit" },
    { input: "-3", message: "maxUses: Allow at least 1 use, or leave it blank for no limit" },
    { input: "1001", message: "maxUses: At most 1000 uses" },
    { input: "1.5", message: "maxUses: Use a whole number" },
    { input: "abc", message: "maxUses: Enter a number of uses, or leave it blank for no limit" },
    { input: "1e2", message: "maxUses: Enter a number of uses, or leave it blank for no limit" },
    { input: "0x10", message: "maxUses: Enter a number of uses, or leave it blank for no limit" },
    { input: " 7 ", message: "maxUses: Enter a number of uses, or leave it blank for no limit" },
  ])("maxUses $input is rejected", ({ input, message }) => {
    expect(issuesOf(createInviteSchema, form({ maxUses: input }))).toEqual([message]);
  });

  test.each(["owner", "admin", "member", "viewer"])("accepts role %s", (role) => {
    expect(parsed(createInviteSchema, form({ role })).role).toBe(role);
  });

  test.each([undefined, "", "Admin", "guest", 2])("rejects role %j", (role) => {
    expect(issuesOf(createInviteSchema, form({ role }))).toEqual(["role: Choose a role: owner, admin, member or viewer"]);
  });

  test.each([undefined, "", "team-1", 1, TEAM_ID.slice(0, -1)])("rejects teamId %j", (teamId) => {
    expect(issuesOf(createInviteSchema, form({ teamId }))).toEqual(["teamId: Unknown team"]);
  });
});

describe("revokeInviteSchema", () => {
  test("accepts a team and an invite id", () => {
    expect(parsed(revokeInviteSchema, { teamId: TEAM_ID, inviteId: INVITE_ID })).toEqual({ teamId: TEAM_ID, inviteId: INVITE_ID });
  });

  test.each([undefined, "", "invite-1", 5])("rejects inviteId %j", (inviteId) => {
    expect(issuesOf(revokeInviteSchema, { teamId: TEAM_ID, inviteId })).toEqual(["inviteId: Unknown invite"]);
  });
});

describe("regenerateInviteSchema", () => {
  test("accepts a team and an invite id, and nothing more", () => {
    expect(parsed(regenerateInviteSchema, { teamId: TEAM_ID, inviteId: INVITE_ID, role: "owner" })).toEqual({ teamId: TEAM_ID, inviteId: INVITE_ID });
  });

  test.each([undefined, "", "invite-1", 5, ["x"], { toString: "x" }])("rejects inviteId %j", (inviteId) => {
    expect(issuesOf(regenerateInviteSchema, { teamId: TEAM_ID, inviteId })).toEqual(["inviteId: Unknown invite"]);
  });

  test("rejects a missing team", () => {
    expect(issuesOf(regenerateInviteSchema, { inviteId: INVITE_ID })).toEqual(["teamId: Unknown team"]);
  });
});
