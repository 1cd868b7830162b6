import { beforeAll, expect, test } from "vitest";
import { listMembers, listTeamsForUser } from "../../db/queries/teams";
import { ConflictError, ForbiddenError } from "../../lib/errors";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser, uniqueSuffix } from "../support/factories";
import { eventsOf, roleOf, teamSnapshot } from "../support/inspect";
import { changeMemberRole, createTeam, leaveTeam, removeMember } from "../support/use-cases";

describeEachDriver("teams", (ctx) => {
  let u: Record<"ana" | "ben" | "cleo" | "dev" | "eve", TestUser>;

  beforeAll(async () => {
    u = await createUsers(ctx.db, ["ana", "ben", "cleo", "dev", "eve"]);
  });

  test("createTeam makes the creator its only owner and logs team.created", async () => {
    const name = `Platform ${uniqueSuffix()}`;
    const team = await createTeam(ctx.db, u.ana.id, { name });

    expect(team.name).toBe(name);
    expect(await listMembers(ctx.db, team.id)).toEqual([expect.objectContaining({ userId: u.ana.id, email: u.ana.email, role: "owner" })]);
    const log = await eventsOf(ctx.db, team.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: "team.created", actorId: u.ana.id, payload: { name } });
  });

  test("listTeamsForUser lists only the user's teams, by name, with role and member count", async () => {
    const suffix = uniqueSuffix();
    const beta = await createTeamWith(ctx.db, { owner: u.ben, member: [u.ana, u.cleo] }, `Beta ${suffix}`);
    const alpha = await createTeamWith(ctx.db, { owner: u.ana, viewer: u.dev }, `Alpha ${suffix}`);
    await createTeamWith(ctx.db, { owner: u.eve }, `Elsewhere ${suffix}`);

    const teams = (await listTeamsForUser(ctx.db, u.ana.id)).filter((t) => t.name.endsWith(suffix));
    expect(teams).toEqual([
      { id: alpha.id, name: `Alpha ${suffix}`, role: "owner", members: 2 },
      { id: beta.id, name: `Beta ${suffix}`, role: "member", members: 3 },
    ]);
  });

  test("listMembers orders by role rank (owner, admin, member, viewer), then by name", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.eve, admin: u.dev, member: [u.cleo, u.ana], viewer: u.ben });
    const members = await listMembers(ctx.db, team.id);
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ["eve", "owner"],
      ["dev", "admin"],
      ["ana", "member"],
      ["cleo", "member"],
      ["ben", "viewer"],
    ]);
  });

  test("changeMemberRole updates the role and logs who changed what", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, admin: u.ben, member: u.cleo });

    const result = await changeMemberRole(ctx.db, u.ben.id, { teamId: team.id, userId: u.cleo.id, role: "viewer" });

    expect(result).toEqual({ changed: true, message: "cleo is now viewer." });
    expect(await roleOf(ctx.db, team.id, u.cleo.id)).toBe("viewer");
    const last = (await eventsOf(ctx.db, team.id)).at(-1);
    expect(last).toMatchObject({
      type: "member.role_changed",
      actorId: u.ben.id,
      payload: { userId: u.cleo.id, name: "cleo", from: "member", to: "viewer" },
    });
  });

  test("changeMemberRole to the same role changes nothing and logs nothing", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, member: u.cleo });
    const before = await teamSnapshot(ctx.db, team.id);

    expect(await changeMemberRole(ctx.db, u.ana.id, { teamId: team.id, userId: u.cleo.id, role: "member" })).toEqual({ changed: false });
    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);
  });

  test("removeMember deletes the membership and logs member.removed", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, admin: u.ben, member: u.cleo });

    await removeMember(ctx.db, u.ben.id, { teamId: team.id, userId: u.cleo.id });

    expect(await roleOf(ctx.db, team.id, u.cleo.id)).toBeNull();
    expect((await eventsOf(ctx.db, team.id)).at(-1)).toMatchObject({
      type: "member.removed",
      actorId: u.ben.id,
      payload: { userId: u.cleo.id, role: "member" },
    });
  });

  test("removeMember refuses to remove yourself (leave instead)", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, admin: u.ben });
    const before = await teamSnapshot(ctx.db, team.id);
    await expect(removeMember(ctx.db, u.ben.id, { teamId: team.id, userId: u.ben.id })).rejects.toThrow(ConflictError);
    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);
  });

  test("leaveTeam deletes the leaver's membership and logs member.left", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, member: u.cleo });

    await leaveTeam(ctx.db, u.cleo.id, { teamId: team.id });

    expect(await roleOf(ctx.db, team.id, u.cleo.id)).toBeNull();
    expect((await eventsOf(ctx.db, team.id)).at(-1)).toMatchObject({ type: "member.left", actorId: u.cleo.id, payload: { role: "member" } });
    expect(await listTeamsForUser(ctx.db, u.cleo.id)).not.toContainEqual(expect.objectContaining({ id: team.id }));
  });

  test.each([
    ["leave", (team: string, owner: string) => leaveTeam(ctx.db, owner, { teamId: team })],
    ["demote themselves", (team: string, owner: string) => changeMemberRole(ctx.db, owner, { teamId: team, userId: owner, role: "admin" })],
    ["remove themselves", (team: string, owner: string) => removeMember(ctx.db, owner, { teamId: team, userId: owner })],
  ] as const)("the last owner cannot %s, and nothing is written", async (_, attempt) => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, admin: u.ben, member: u.cleo });
    const before = await teamSnapshot(ctx.db, team.id);

    await expect(attempt(team.id, u.ana.id)).rejects.toThrow(ConflictError);

    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);
    expect(await roleOf(ctx.db, team.id, u.ana.id)).toBe("owner");
  });

  test("with two owners, one owner can demote the other", async () => {
    const team = await createTeamWith(ctx.db, { owner: [u.ana, u.ben] });
    await changeMemberRole(ctx.db, u.ana.id, { teamId: team.id, userId: u.ben.id, role: "member" });
    expect(await roleOf(ctx.db, team.id, u.ben.id)).toBe("member");
    // Now ana is the last owner again.
    await expect(leaveTeam(ctx.db, u.ana.id, { teamId: team.id })).rejects.toThrow(ConflictError);
  });

  test("with two owners, an owner may leave", async () => {
    const team = await createTeamWith(ctx.db, { owner: [u.ana, u.ben] });
    await leaveTeam(ctx.db, u.ana.id, { teamId: team.id });
    expect(await roleOf(ctx.db, team.id, u.ana.id)).toBeNull();
    expect(await roleOf(ctx.db, team.id, u.ben.id)).toBe("owner");
  });

  test("two owners demoting each other at the same moment leave exactly one owner", async () => {
    const team = await createTeamWith(ctx.db, { owner: [u.ana, u.ben] });
    const results = await Promise.allSettled([
      changeMemberRole(ctx.db, u.ana.id, { teamId: team.id, userId: u.ben.id, role: "member" }),
      changeMemberRole(ctx.db, u.ben.id, { teamId: team.id, userId: u.ana.id, role: "member" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [await roleOf(ctx.db, team.id, u.ana.id), await roleOf(ctx.db, team.id, u.ben.id)];
    expect(roles.sort()).toEqual(["member", "owner"]);
  });

  test("two owners leaving at the same moment leave exactly one owner", async () => {
    const team = await createTeamWith(ctx.db, { owner: [u.ana, u.ben] });
    const results = await Promise.allSettled([leaveTeam(ctx.db, u.ana.id, { teamId: team.id }), leaveTeam(ctx.db, u.ben.id, { teamId: team.id })]);

    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await teamSnapshot(ctx.db, team.id)).members).toEqual([expect.objectContaining({ role: "owner" })]);
  });

  test.each([
    ["demote an owner", (team: string) => changeMemberRole(ctx.db, u.ben.id, { teamId: team, userId: u.ana.id, role: "member" })],
    ["remove an owner", (team: string) => removeMember(ctx.db, u.ben.id, { teamId: team, userId: u.ana.id })],
    ["make a member an owner", (team: string) => changeMemberRole(ctx.db, u.ben.id, { teamId: team, userId: u.cleo.id, role: "owner" })],
    ["make themselves an owner", (team: string) => changeMemberRole(ctx.db, u.ben.id, { teamId: team, userId: u.ben.id, role: "owner" })],
  ] as const)("an admin cannot %s (ForbiddenError, nothing written)", async (_, attempt) => {
    const team = await createTeamWith(ctx.db, { owner: [u.ana, u.dev], admin: u.ben, member: u.cleo });
    const before = await teamSnapshot(ctx.db, team.id);

    await expect(attempt(team.id)).rejects.toThrow(ForbiddenError);

    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);
  });

  test("an admin can promote a member to admin", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.ana, admin: u.ben, member: u.cleo });
    await changeMemberRole(ctx.db, u.ben.id, { teamId: team.id, userId: u.cleo.id, role: "admin" });
    expect(await roleOf(ctx.db, team.id, u.cleo.id)).toBe("admin");
  });
});
