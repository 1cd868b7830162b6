import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { invites } from "../../db/schema";
import { openInviteToken } from "../../lib/auth/sealed-tokens";
import { generateToken, hashToken } from "../../lib/auth/tokens";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import { readTeam } from "../../lib/services/access";
import { teamPageData } from "../../lib/services/pages/team-page";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { eventsOf, inviteRow, rejectionOf, roleOf, rowsOf } from "../support/inspect";
import { acceptInvite, createInvite, lookupInvite, regenerateInvite, revokeInvite } from "../support/use-cases";

// Invite links kept so that owners and admins can copy them again: sealed at rest, found by hash,
// replaced by regenerating.

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date("2030-01-01T12:00:00Z");

describeEachDriver("invite links", (ctx) => {
  let u: Record<"owner" | "admin" | "member" | "joiner" | "otherOwner", TestUser>;

  beforeAll(async () => {
    u = await createUsers(ctx.db, ["owner", "admin", "member", "joiner", "otherOwner"]);
  });

  async function teamWithInvite(role: "viewer" | "member" | "owner" = "member") {
    const team = await createTeamWith(ctx.db, { owner: u.owner, admin: u.admin, member: u.member });
    const { invite, token } = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role, expiresInDays: 7, maxUses: 5 }, T0);
    return { team, invite, token };
  }

  const pageAs = async (userId: string, teamId: string) =>
    (await teamPageData(await readTeam(ctx.db, userId, teamId, "team.view", T0), { members: 1, invites: 1 }))!;

  test("the token is sealed at rest: the column opens to the token, never holds it, and lookup is still by hash", async () => {
    const { team, invite, token } = await teamWithInvite();

    const row = await inviteRow(ctx.db, invite.id);
    expect(row.tokenCiphertext).toMatch(/^v1\./);
    expect(row.tokenCiphertext).not.toContain(token);
    expect(row.tokenCiphertext).not.toContain(Buffer.from(token).toString("base64url"));
    expect(openInviteToken(row.tokenCiphertext!, invite.id)).toBe(token);
    expect(row.tokenHash).toBe(hashToken(token));
    const leaks = await ctx.db.execute(sql`select count(*)::int as n from invites i where strpos(row_to_json(i)::text, ${token}) > 0`);
    expect(rowsOf<{ n: number }>(leaks)[0]?.n).toBe(0);

    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid", teamId: team.id, role: "member" });
    expect(await acceptInvite(ctx.db, u.joiner.id, token, T0)).toEqual({ teamId: team.id, alreadyMember: false });
  });

  test("a seal opens only for its own invite: moved to another row, that row's link is not recoverable", async () => {
    const { team, invite, token } = await teamWithInvite();
    const second = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role: "viewer", expiresInDays: 7 }, T0);
    const sealed = (await inviteRow(ctx.db, invite.id)).tokenCiphertext!;
    expect(openInviteToken(sealed, second.invite.id)).toBeNull();

    await ctx.db.update(invites).set({ tokenCiphertext: sealed }).where(eq(invites.id, second.invite.id));
    const rows = (await pageAs(u.owner.id, team.id)).invites.rows;
    expect(rows.find((r) => r.id === second.invite.id)?.link).toEqual({ kind: "unrecoverable" });
    expect(rows.find((r) => r.id === invite.id)?.link).toEqual({ kind: "copy", path: `/invite/${token}` });
  });

  test("owners and admins see every active link again; an old link without a seal says it is not recoverable", async () => {
    const { team, invite, token } = await teamWithInvite();
    const newer = await createInvite(ctx.db, u.admin.id, { teamId: team.id, role: "viewer", expiresInDays: 7 }, T0);
    const revoked = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role: "viewer", expiresInDays: 7 }, T0);
    await revokeInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: revoked.invite.id }, T0);
    const legacy = await createInvite(ctx.db, u.owner.id, { teamId: team.id, role: "viewer", expiresInDays: 7 }, T0);
    await ctx.db.update(invites).set({ tokenCiphertext: null }).where(eq(invites.id, legacy.invite.id));

    for (const viewer of [u.owner, u.admin]) {
      const links = new Map((await pageAs(viewer.id, team.id)).invites.rows.map((r) => [r.id, r.link]));
      expect(links.get(invite.id)).toEqual({ kind: "copy", path: `/invite/${token}` });
      expect(links.get(newer.invite.id)).toEqual({ kind: "copy", path: `/invite/${newer.token}` });
      expect(links.get(revoked.invite.id)).toBeNull();
      expect(links.get(legacy.invite.id)).toEqual({ kind: "unrecoverable" });
    }
    // A member sees no invites at all.
    expect((await pageAs(u.member.id, team.id)).invites.rows).toEqual([]);
  });

  test("an admin cannot copy or regenerate an owner's owner invite", async () => {
    const { team, invite, token } = await teamWithInvite("owner");
    const row = (await pageAs(u.admin.id, team.id)).invites.rows.find((r) => r.id === invite.id);
    expect(row?.link).toBeNull();
    expect(JSON.stringify(await pageAs(u.admin.id, team.id))).not.toContain(token);

    const error = await rejectionOf(regenerateInvite(ctx.db, u.admin.id, { teamId: team.id, inviteId: invite.id }, T0));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid", role: "owner" });
  });

  test("regenerating gives a new token at once: the old link is invalid, the new one keeps role, expiry and uses", async () => {
    const { team, invite, token } = await teamWithInvite();
    await acceptInvite(ctx.db, u.joiner.id, token, T0);
    const before = await inviteRow(ctx.db, invite.id);

    const { token: fresh } = await regenerateInvite(ctx.db, u.admin.id, { teamId: team.id, inviteId: invite.id }, new Date(T0.getTime() + DAY_MS));

    expect(fresh).not.toBe(token);
    expect(await lookupInvite(ctx.db, token, T0)).toEqual({ status: "invalid" });
    expect(await lookupInvite(ctx.db, fresh, T0)).toMatchObject({ status: "valid", role: "member", expiresAt: before.expiresAt });
    const after = await inviteRow(ctx.db, invite.id);
    expect(after).toMatchObject({ role: "member", expiresAt: before.expiresAt, maxUses: 5, uses: 1, createdBy: u.owner.id, tokenHash: hashToken(fresh) });
    expect(openInviteToken(after.tokenCiphertext!, invite.id)).toBe(fresh);
    expect((await eventsOf(ctx.db, team.id)).at(-1)).toMatchObject({
      type: "invite.regenerated",
      actorId: u.admin.id,
      payload: { inviteId: invite.id, role: "member" },
    });
    const other = await createUsers(ctx.db, ["late"]);
    expect(await acceptInvite(ctx.db, other.late.id, fresh, T0)).toEqual({ teamId: team.id, alreadyMember: false });
    expect(await roleOf(ctx.db, team.id, other.late.id)).toBe("member");
  });

  test("an old invite without a seal can be regenerated, and is then copyable", async () => {
    const { team, invite } = await teamWithInvite();
    await ctx.db.update(invites).set({ tokenCiphertext: null }).where(eq(invites.id, invite.id));
    const { token } = await regenerateInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: invite.id }, T0);
    const row = (await pageAs(u.owner.id, team.id)).invites.rows.find((r) => r.id === invite.id);
    expect(row?.link).toEqual({ kind: "copy", path: `/invite/${token}` });
  });

  test("another team's invite id is refused as not found and changes nothing", async () => {
    const { team, invite, token } = await teamWithInvite();
    const otherTeam = await createTeamWith(ctx.db, { owner: u.otherOwner });
    const before = await inviteRow(ctx.db, invite.id);
    const eventCount = (await eventsOf(ctx.db, team.id)).length;

    await expect(regenerateInvite(ctx.db, u.otherOwner.id, { teamId: otherTeam.id, inviteId: invite.id }, T0)).rejects.toThrow(NotFoundError);
    await expect(regenerateInvite(ctx.db, u.owner.id, { teamId: team.id, inviteId: crypto.randomUUID() }, T0)).rejects.toThrow(NotFoundError);

    expect(await inviteRow(ctx.db, invite.id)).toEqual(before);
    expect(await eventsOf(ctx.db, team.id)).toHaveLength(eventCount);
    expect(await eventsOf(ctx.db, otherTeam.id)).toHaveLength(1);
    expect(await lookupInvite(ctx.db, token, T0)).toMatchObject({ status: "valid" });
  });

  test("a revoked or expired invite is not regenerated", async () => {
    const revoked = await teamWithInvite();
    await revokeInvite(ctx.db, u.owner.id, { teamId: revoked.team.id, inviteId: revoked.invite.id }, T0);
    const error = await rejectionOf(regenerateInvite(ctx.db, u.owner.id, { teamId: revoked.team.id, inviteId: revoked.invite.id }, T0));
    expect(error).toBeInstanceOf(ConflictError);
    expect((await inviteRow(ctx.db, revoked.invite.id)).tokenHash).toBe(hashToken(revoked.token));

    const expired = await teamWithInvite();
    const afterExpiry = new Date(T0.getTime() + 8 * DAY_MS);
    await expect(regenerateInvite(ctx.db, u.owner.id, { teamId: expired.team.id, inviteId: expired.invite.id }, afterExpiry)).rejects.toThrow(ConflictError);
    expect(await lookupInvite(ctx.db, expired.token, T0)).toMatchObject({ status: "valid" });
    expect(await lookupInvite(ctx.db, generateToken(), T0)).toEqual({ status: "invalid" });
  });
});
