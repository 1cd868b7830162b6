import { beforeAll, expect, test } from "vitest";
import { readTeam } from "../../lib/services/access";
import { type Permission, type Role } from "../../lib/auth/roles";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { eventsOf, roleOf, teamSnapshot } from "../support/inspect";
import { changeMemberRole, createInvite, leaveTeam, removeMember, revokeInvite } from "../support/use-cases";

type Actor = Role | "outsider";
type Outcome = "allow" | "forbidden" | "notFound";

// Written out by hand rather than derived from lib/auth/roles.ts, so a change there has to be
// made here too, on purpose. Non-members always get notFound: the team's existence must not leak.
const GUARD: Record<Permission, Record<Actor, Outcome>> = {
  "team.view": { owner: "allow", admin: "allow", member: "allow", viewer: "allow", outsider: "notFound" },
  "team.invite": { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  "team.changeRole": { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  "team.removeMember": { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  "decision.create": { owner: "allow", admin: "allow", member: "allow", viewer: "forbidden", outsider: "notFound" },
  "decision.vote": { owner: "allow", admin: "allow", member: "allow", viewer: "forbidden", outsider: "notFound" },
  "decision.facilitate": { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  "team.webhooks": { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
};

type Mutation = "createInvite" | "revokeInvite" | "changeMemberRole" | "removeMember" | "leaveTeam";

const MUTATIONS: Record<Mutation, Record<Actor, Outcome>> = {
  createInvite: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  revokeInvite: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  changeMemberRole: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  removeMember: { owner: "allow", admin: "allow", member: "forbidden", viewer: "forbidden", outsider: "notFound" },
  // The team has a second owner, so even an owner may leave.
  leaveTeam: { owner: "allow", admin: "allow", member: "allow", viewer: "allow", outsider: "notFound" },
};

const rowsOf = <K extends string>(table: Record<K, Record<Actor, Outcome>>) =>
  (Object.entries(table) as [K, Record<Actor, Outcome>][]).flatMap(([action, byActor]) =>
    (Object.entries(byActor) as [Actor, Outcome][]).map(([actor, expected]) => ({ action, actor, expected })),
  );

const ALLOWED_EVENT: Record<Mutation, string> = {
  createInvite: "invite.created",
  revokeInvite: "invite.revoked",
  changeMemberRole: "member.role_changed",
  removeMember: "member.removed",
  leaveTeam: "member.left",
};

const ERROR_FOR = { forbidden: ForbiddenError, notFound: NotFoundError } as const;

describeEachDriver("authorization", (ctx) => {
  let u: Record<Actor | "coOwner" | "target", TestUser>;

  beforeAll(async () => {
    u = await createUsers(ctx.db, ["owner", "coOwner", "admin", "member", "viewer", "outsider", "target"]);
  });

  const freshTeam = () => createTeamWith(ctx.db, { owner: [u.owner, u.coOwner], admin: u.admin, member: [u.member, u.target], viewer: u.viewer });

  test.each(rowsOf(GUARD))("readTeam($action) for $actor → $expected", async ({ action, actor, expected }) => {
    const team = await freshTeam();
    const check = readTeam(ctx.db, u[actor].id, team.id, action);
    if (expected === "allow") {
      await expect(check).resolves.toMatchObject({ teamId: team.id, actor: { userId: u[actor].id, role: actor }, granted: action });
    } else {
      await expect(check).rejects.toThrow(ERROR_FOR[expected]);
    }
  });

  const perform: Record<Mutation, (actorId: string, teamId: string) => Promise<unknown>> = {
    createInvite: (actorId, teamId) => createInvite(ctx.db, actorId, { teamId, role: "member", expiresInDays: 7 }),
    revokeInvite: async (actorId, teamId) => {
      const { invite } = await createInvite(ctx.db, u.coOwner.id, { teamId, role: "member", expiresInDays: 7 });
      return revokeInvite(ctx.db, actorId, { teamId, inviteId: invite.id });
    },
    changeMemberRole: (actorId, teamId) => changeMemberRole(ctx.db, actorId, { teamId, userId: u.target.id, role: "viewer" }),
    removeMember: (actorId, teamId) => removeMember(ctx.db, actorId, { teamId, userId: u.target.id }),
    leaveTeam: (actorId, teamId) => leaveTeam(ctx.db, actorId, { teamId }),
  };

  test.each(rowsOf(MUTATIONS))("$action by $actor → $expected", async ({ action, actor, expected }) => {
    const team = await freshTeam();
    const before = await teamSnapshot(ctx.db, team.id);

    const attempt = perform[action](u[actor].id, team.id);

    if (expected === "allow") await attempt;
    else await expect(attempt).rejects.toThrow(ERROR_FOR[expected]);

    const logged = (await eventsOf(ctx.db, team.id)).slice(before.eventIds.length).map((e) => e.type);
    // revokeInvite's own setup logs invite.created, whoever then tries to revoke it.
    const setup = action === "revokeInvite" ? ["invite.created"] : [];
    if (expected === "allow") {
      expect(logged).toEqual([...setup, ALLOWED_EVENT[action]]);
    } else {
      expect(logged).toEqual(setup);
      expect((await teamSnapshot(ctx.db, team.id)).members).toEqual(before.members);
    }
  });

  test("a removed member is locked out at once", async () => {
    const team = await freshTeam();
    await expect(readTeam(ctx.db, u.target.id, team.id, "team.view")).resolves.toBeTruthy();

    await removeMember(ctx.db, u.admin.id, { teamId: team.id, userId: u.target.id });

    await expect(readTeam(ctx.db, u.target.id, team.id, "team.view")).rejects.toThrow(NotFoundError);
    await expect(leaveTeam(ctx.db, u.target.id, { teamId: team.id })).rejects.toThrow(NotFoundError);
  });

  test("a demoted admin loses team.invite at once", async () => {
    const team = await freshTeam();
    await expect(readTeam(ctx.db, u.admin.id, team.id, "team.invite")).resolves.toMatchObject({ actor: { role: "admin" } });

    await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: u.admin.id, role: "member" });

    await expect(readTeam(ctx.db, u.admin.id, team.id, "team.invite")).rejects.toThrow(ForbiddenError);
    await expect(createInvite(ctx.db, u.admin.id, { teamId: team.id, role: "viewer", expiresInDays: 7 })).rejects.toThrow(ForbiddenError);
    expect(await roleOf(ctx.db, team.id, u.admin.id)).toBe("member");
  });

  test("an unknown team id is notFound for everyone, like a team one is not in", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(readTeam(ctx.db, u.owner.id, missing, "team.view")).rejects.toThrow(NotFoundError);
  });
});
