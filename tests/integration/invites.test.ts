import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { generateToken, hashToken } from "../../lib/auth/tokens";
import type { UnusableInvite } from "../../lib/domain/invite-status";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import type { CreateInviteInput } from "../../lib/validation/invite";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { eventsOf, inviteRow, rejectionOf, roleOf, rowsOf, teamSnapshot } from "../support/inspect";
import { acceptInvite, changeMemberRole, createInvite, leaveTeam, lookupInvite, removeMember, revokeInvite } from "../support/use-cases";
import { InviteUnusableError } from "../../lib/services/invites";

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date("2030-01-01T12:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

describeEachDriver("invites", (ctx) => {
  let u: Record<"owner" | "admin" | "joiner" | "joiner2" | "otherOwner", TestUser>;
  let crowd: TestUser[];

  beforeAll(async () => {
    u = await createUsers(ctx.db, ["owner", "admin", "joiner", "joiner2", "otherOwner"]);
    crowd = Object.values(await createUsers(ctx.db, ["p1", "p2", "p3", "p4", "p5"]));
  });

  async function teamWithInvite(options: Partial<Omit<CreateInviteInput, "teamId">> = {}) {
    const team = await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin });
    const input = { teamId: team.id, role: "viewer" as const, expiresInDays: 7, ...options };
    const { invite, token } = await createInvite(ctx.db, u.owner.id, input, T0);
    return { team, invite, token };
  }

  /** Asserts the refusal and that it wrote nothing: no membership, no use counted, no event. */
  async function expectRefused(token: string, userId: string, teamId: string, inviteId: string, status: UnusableInvite, now = T0) {
    const before = { snapshot: await teamSnapshot(ctx.db, teamId), uses: (await inviteRow(ctx.db, inviteId)).uses };
    const error = await rejectionOf(acceptInvite(ctx.db, userId, token, now));
    expect(error).toBeInstanceOf(InviteUnusableError);
    expect((error as InviteUnusableError).status).toBe(status);
    expect(await roleOf(ctx.db, teamId, userId)).toBeNull();
    expect((await inviteRow(ctx.db, inviteId)).uses).toBe(before.uses);
    expect(await teamSnapshot(ctx.db, teamId)).toEqual(before.snapshot);
  }

  test("createInvite stores the token's SHA-256 and never the token itself", async () => {
    const { invite, token } = await teamWithInvite({ maxUses: 3 });

    const row = await inviteRow(ctx.db, invite.id);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toBe(token);
    expect(row).toMatchObject({ role: "viewer", maxUses: 3, uses: 0, revokedAt: null, expiresAt: later(7 * DAY_MS) });
    const leaks = await ctx.db.execute(sql`
      select (select count(*) from invites i where strpos(row_to_json(i)::text, ${token}) > 0)::int
           + (select count(*) from events e where strpos(row_to_json(e)::text, ${token}) > 0)::int as n`);
    expect(rowsOf<{ n: number }>(leaks)[0]?.n).toBe(0);
  });

  test("createInvite logs invite.created without the token", async () => {
    const { team, invite } = await teamWithInvite();
    expect((await eventsOf(ctx.db, team.id)).at(-1)).toMatchObject({
      type: "invite.created",
      actorId: u.owner.id,
      payload: { inviteId: invite.id, role: "viewer", maxUses: null },
    });
  });

  test("lookupInvite reports valid, expired, revoked, used_up and invalid", async () => {
    const { team, invite, token } = await teamWithInvite({ maxUses: 1 });

    expect(await lookupInvite(ctx.db, token, T0)).toEqual({
      status: "valid",
      teamId: team.id,
      teamName: team.name,
      role: "viewer",
      expiresAt: later(7 * DAY_MS),
    });
    expect(await lookupInvite(ctx.db, token, later(7 * DAY_MS))).toMatchObject({ status: "expired" });
    expect(await lookupInvite(ctx.db, token.slice(0, -1), T0)).toEqual({ status: "invalid" });
    expect(await lookupInvite(ctx.db, `${token.slice(0, -1)}!`, T0)).toEqual({ status: "invalid" });
    expect(await lookupInvite(ctx.db, generateToken(), T0)).toEqual({ status: "invalid" });

    await acceptInvite(ctx.db, u.joiner.id, token, T0);
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "used_up" });

    await revokeInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: invite.id }, T0);
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "revoked" });
  });

  test("acceptInvite joins with the invite's role, counts the use and logs member.joined", async () => {
    const { team, invite, token } = await teamWithInvite({ role: "member" });

    expect(await acceptInvite(ctx.db, u.joiner.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: false });

    expect(await roleOf(ctx.db, team.id, u.joiner.id)).toBe("member");
    expect((await inviteRow(ctx.db, invite.id)).uses).toBe(1);
    expect((await eventsOf(ctx.db, team.id)).at(-1)).toMatchObject({
      type: "member.joined",
      actorId: u.joiner.id,
      payload: { userId: u.joiner.id, name: "joiner", role: "member", inviteId: invite.id },
    });
  });

  test("an expired invite is refused and changes nothing", async () => {
    const { team, invite, token } = await teamWithInvite({ expiresInDays: 1 });
    await expectRefused(token, u.joiner.id, team.id, invite.id, "expired", later(DAY_MS));
    // One millisecond earlier it still works.
    await expect(acceptInvite(ctx.db, u.joiner.id, token, later(DAY_MS - 1))).resolves.toMatchObject({ alreadyMember: false });
  });

  test("a revoked invite is refused and changes nothing", async () => {
    const { team, invite, token } = await teamWithInvite();
    await revokeInvite(ctx.db, u.admin.id, { teamId: team.id, inviteId: invite.id }, T0);
    await expectRefused(token, u.joiner.id, team.id, invite.id, "revoked");
  });

  test("a mangled or unknown token is refused as invalid", async () => {
    const { team, invite, token } = await teamWithInvite();
    await expectRefused(token.slice(1), u.joiner.id, team.id, invite.id, "invalid");
    const lastCharChanged = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    await expectRefused(lastCharChanged, u.joiner.id, team.id, invite.id, "invalid");
    await expectRefused(generateToken(), u.joiner.id, team.id, invite.id, "invalid");
  });

  test("a single-use invite lets the first person in and refuses the second as used_up", async () => {
    const { team, invite, token } = await teamWithInvite({ maxUses: 1 });
    await acceptInvite(ctx.db, u.joiner.id, token, T0);
    await expectRefused(token, u.joiner2.id, team.id, invite.id, "used_up");
    expect((await inviteRow(ctx.db, invite.id)).uses).toBe(1);
  });

  test("accepting when already a member reports alreadyMember and does not use the invite up", async () => {
    const { team, invite, token } = await teamWithInvite({ maxUses: 1 });
    const before = await teamSnapshot(ctx.db, team.id);

    expect(await acceptInvite(ctx.db, u.admin.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: true });

    expect(await roleOf(ctx.db, team.id, u.admin.id)).toBe("admin");
    expect((await inviteRow(ctx.db, invite.id)).uses).toBe(0);
    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);
  });

  test("five people accepting a two-use invite at once: exactly two get in", async () => {
    const { team, invite, token } = await teamWithInvite({ maxUses: 2 });

    const results = await Promise.allSettled(crowd.map((p) => acceptInvite(ctx.db, p.id, token, T0)));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refusals).toHaveLength(3);
    for (const reason of refusals) expect(reason).toMatchObject({ status: "used_up" });
    expect((await inviteRow(ctx.db, invite.id)).uses).toBe(2);
    const joined = (await eventsOf(ctx.db, team.id)).filter((e) => e.type === "member.joined");
    expect(joined).toHaveLength(2);
    const roles = await Promise.all(crowd.map((p) => roleOf(ctx.db, team.id, p.id)));
    expect(roles.filter((r) => r === "viewer")).toHaveLength(2);
  });

  test("revoking twice: the second attempt is NotFoundError and logs nothing", async () => {
    const { team, invite } = await teamWithInvite();
    await revokeInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: invite.id }, T0);
    const revokedAt = (await inviteRow(ctx.db, invite.id)).revokedAt;

    await expect(revokeInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: invite.id }, later(1000))).rejects.toThrow(NotFoundError);

    expect(revokedAt).toEqual(T0);
    expect((await inviteRow(ctx.db, invite.id)).revokedAt).toEqual(T0);
    expect((await eventsOf(ctx.db, team.id)).filter((e) => e.type === "invite.revoked")).toHaveLength(1);
  });

  test("an owner of another team cannot revoke this team's invite through their own team", async () => {
    const { invite, token } = await teamWithInvite();
    const otherTeam = await createTeamWith(ctx.db, { owner: u.otherOwner });

    await expect(revokeInvite(ctx.db, u.otherOwner.id, { teamId: otherTeam.id, inviteId: invite.id }, T0)).rejects.toThrow(NotFoundError);

    expect((await inviteRow(ctx.db, invite.id)).revokedAt).toBeNull();
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid" });
  });

  test("an admin cannot create an owner invite; an owner can", async () => {
    const team = await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin });
    const before = await teamSnapshot(ctx.db, team.id);

    const error = await rejectionOf(createInvite(ctx.db, u.admin.id, { teamId: team.id, role: "owner", expiresInDays: 7 }, T0));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).fieldErrors.role).toMatch(/owner/i);
    expect(await teamSnapshot(ctx.db, team.id)).toEqual(before);

    const { token } = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role: "owner", expiresInDays: 7 }, T0);
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid", role: "owner" });
  });

  describe("an invite is only as good as its creator's authority today", () => {
    async function adminInvite(role: "admin" | "member") {
      const team = await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin });
      const { invite, token } = await createInvite(ctx.db, u.admin.id, { teamId: team.id, role, expiresInDays: 7 }, T0);
      return { team, invite, token };
    }

    test("an admin demoted to viewer: their admin invite no longer adds an admin", async () => {
      const { team, invite, token } = await adminInvite("admin");
      await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.admin.id, role: "viewer" });

      await expectRefused(token, u.joiner.id, team.id, invite.id, "inviter_lost_authority");
      expect(await lookupInvite(ctx.db, token, T0)).toEqual({ status: "inviter_lost_authority" });
    });

    test("an admin demoted to member: even their member invite stops, since members invite no one", async () => {
      const { team, invite, token } = await adminInvite("member");
      await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.admin.id, role: "member" });
      await expectRefused(token, u.joiner.id, team.id, invite.id, "inviter_lost_authority");
    });

    test("a creator removed from the team, or gone of their own accord, takes their links with them", async () => {
      const removed = await adminInvite("member");
      await removeMember(ctx.db, u.owner.id, { teamId: removed.team.id, userId: u.admin.id });
      await expectRefused(removed.token, u.joiner.id, removed.team.id, removed.invite.id, "inviter_lost_authority");

      const left = await adminInvite("member");
      await leaveTeam(ctx.db, u.admin.id, { teamId: left.team.id });
      await expectRefused(left.token, u.joiner.id, left.team.id, left.invite.id, "inviter_lost_authority");
    });

    test("a creator promoted, or demoted but still able to grant the role, keeps the link working", async () => {
      const { team, token } = await adminInvite("member");
      await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.admin.id, role: "owner" });
      expect(await acceptInvite(ctx.db, u.joiner.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: false });
      expect(await roleOf(ctx.db, team.id, u.joiner.id)).toBe("member");
    });

    test("the refusal reads as a plain sentence with a next step", async () => {
      const { team, token } = await adminInvite("admin");
      await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.admin.id, role: "viewer" });
      const error = await rejectionOf(acceptInvite(ctx.db, u.joiner.id, token, T0));
      expect((error as Error).message).toBe(
        "This invite link no longer works. The person who created it can no longer invite people with this role. Ask someone who manages the team for a new link.",
      );
    });
  });

  describe("a removed member cannot walk back in", () => {
    test("through an unlimited link created before the removal; a link created after works", async () => {
      const { team, invite, token } = await teamWithInvite({ role: "member" });
      await acceptInvite(ctx.db, u.joiner.id, token, T0);
      await removeMember(ctx.db, u.owner.id, { teamId: team.id, userId: u.joiner.id });

      await expectRefused(token, u.joiner.id, team.id, invite.id, "removed_since");
      expect(await lookupInvite(ctx.db, token, T0, u.joiner.id)).toEqual({ status: "removed_since" });
      // The same link still works for everyone else.
      expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid" });
      expect(await acceptInvite(ctx.db, u.joiner2.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: false });

      const fresh = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role: "viewer", expiresInDays: 7 }, T0);
      expect(await lookupInvite(ctx.db, fresh.token, T0, u.joiner.id)).toMatchObject({ status: "valid" });
      expect(await acceptInvite(ctx.db, u.joiner.id, fresh.token, T0)).toEqual({ teamId: team.id, alreadyMember: false });
      expect(await roleOf(ctx.db, team.id, u.joiner.id)).toBe("viewer");
      // Back in through the new link, the old one just says so.
      expect(await acceptInvite(ctx.db, u.joiner.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: true });
    });

    test("someone who left of their own accord may rejoin through the same link", async () => {
      const { team, token } = await teamWithInvite({ role: "member" });
      await acceptInvite(ctx.db, u.joiner.id, token, T0);
      await leaveTeam(ctx.db, u.joiner.id, { teamId: team.id });
      expect(await acceptInvite(ctx.db, u.joiner.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: false });
    });
  });
});
