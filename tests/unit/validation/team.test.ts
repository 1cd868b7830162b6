import { describe, expect, test } from "vitest";
import { changeRoleSchema, createTeamSchema, leaveTeamSchema, removeMemberSchema } from "@/lib/validation/team";
import { issuesOf, parsed } from "../support/zod";

const TEAM_ID = "3f2c9a4e-8b1d-4c6e-9a7f-2d5b8e1c4a90";
const USER_ID = "b6e0d1c2-7a3f-4e58-8c9d-0f1e2a3b4c5d";
const ROLE_MESSAGE = "role: Choose a role: owner, admin, member or viewer";

// Values that must never be taken for an id.
const NOT_UUIDS: unknown[] = [
  undefined,
  null,
  "",
  "abc",
  "123",
  42,
  { id: TEAM_ID },
  TEAM_ID.replaceAll("-", ""),
  TEAM_ID + "0",
  ` ${TEAM_ID}`,
  TEAM_ID.replace("3f2c", "zz2c"),
];

describe("createTeamSchema", () => {
  test.each([
    { input: "Payments", expected: "Payments" },
    { input: "  Payments platform  ", expected: "Payments platform" },
    { input: "x", expected: "x" },
    { input: "a".repeat(60), expected: "a".repeat(60) },
  ])("accepts $input", ({ input, expected }) => {
    expect(parsed(createTeamSchema, { name: input })).toEqual({ name: expected });
  });

  test.each([
    { input: undefined, message: "name: Give the team a name" },
    { input: "", message: "name: Give the team a name" },
    { input: "   ", message: "name: Give the team a name" },
    { input: "a".repeat(61), message: "name: Use at most 60 characters for the team name" },
    { input: 7, message: "name: Give the team a name" },
    { input: { name: "Payments" }, message: "name: Give the team a name" },
  ])("rejects $input", ({ input, message }) => {
    expect(issuesOf(createTeamSchema, { name: input })).toEqual([message]);
  });
});

describe("changeRoleSchema", () => {
  const valid = { teamId: TEAM_ID, userId: USER_ID, role: "admin" };

  test.each(["owner", "admin", "member", "viewer"])("accepts role %s", (role) => {
    expect(parsed(changeRoleSchema, { ...valid, role })).toEqual({ ...valid, role });
  });

  test.each([undefined, "", "Owner", "ADMIN", " member", "superuser", 1, ["viewer"]])("rejects role %j", (role) => {
    expect(issuesOf(changeRoleSchema, { ...valid, role })).toEqual([ROLE_MESSAGE]);
  });

  test.each(NOT_UUIDS)("rejects teamId %j as an unknown team", (teamId) => {
    expect(issuesOf(changeRoleSchema, { ...valid, teamId })).toEqual(["teamId: Unknown team"]);
  });

  test.each(NOT_UUIDS)("rejects userId %j as an unknown member", (userId) => {
    expect(issuesOf(changeRoleSchema, { ...valid, userId })).toEqual(["userId: Unknown member"]);
  });

  test("reports every bad field at once", () => {
    expect(issuesOf(changeRoleSchema, {})).toEqual(["teamId: Unknown team", "userId: Unknown member", ROLE_MESSAGE]);
  });
});

describe("removeMemberSchema", () => {
  test("accepts two uuids and drops anything else", () => {
    expect(parsed(removeMemberSchema, { teamId: TEAM_ID, userId: USER_ID, role: "owner" })).toEqual({ teamId: TEAM_ID, userId: USER_ID });
  });

  test("accepts uppercase uuids", () => {
    const upper = { teamId: TEAM_ID.toUpperCase(), userId: USER_ID.toUpperCase() };
    expect(parsed(removeMemberSchema, upper)).toEqual(upper);
  });

  test.each(NOT_UUIDS)("rejects teamId %j as an unknown team", (teamId) => {
    expect(issuesOf(removeMemberSchema, { teamId, userId: USER_ID })).toEqual(["teamId: Unknown team"]);
  });

  test.each(NOT_UUIDS)("rejects userId %j as an unknown member", (userId) => {
    expect(issuesOf(removeMemberSchema, { teamId: TEAM_ID, userId })).toEqual(["userId: Unknown member"]);
  });
});

describe("leaveTeamSchema", () => {
  test("accepts a team id", () => {
    expect(parsed(leaveTeamSchema, { teamId: TEAM_ID })).toEqual({ teamId: TEAM_ID });
  });

  test.each(NOT_UUIDS)("rejects teamId %j", (teamId) => {
    expect(issuesOf(leaveTeamSchema, { teamId })).toEqual(["teamId: Unknown team"]);
  });
});
