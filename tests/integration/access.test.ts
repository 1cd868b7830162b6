import { beforeAll, describe, expect, test } from "vitest";
import { createSession, revokeSession } from "../../db/queries/sessions";
import { ForbiddenError, NotFoundError, SignedOutError } from "../../lib/errors";
import { DECISION_NOT_FOUND, inDecision, inDecisionForSession, inTeam, readDecision, readTeam, TEAM_NOT_FOUND } from "../../lib/services/access";
import { decisionIn, ensureCatalog, hoursAfter, moveTo, createDecisionFixture } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { decisionRow, eventsOfDecision } from "../support/inspect";
import { changeMemberRole } from "../support/use-cases";

// The access checks behind every wrapper (lib/entry): each refusal path, on both drivers.

const MISSING = "00000000-0000-4000-8000-000000000000";

describeEachDriver("access checks", (ctx) => {
  let u: Record<"owner" | "member" | "viewer" | "facilitator" | "outsider", TestUser>;
  let teamId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "member", "viewer", "facilitator", "outsider"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: [u.member, u.facilitator], viewer: u.viewer })).id;
    otherTeamId = (await createTeamWith(ctx.db, { owner: u.outsider })).id;
  });

  const ran = () => Promise.resolve("ran");

  describe("a team", () => {
    test("not a member, or no such team: not found, and the work never runs", async () => {
      let ran = false;
      const work = async () => {
        ran = true;
      };
      await expect(inTeam(ctx.db, u.outsider.id, teamId, "team.view", work)).rejects.toThrow(NotFoundError);
      await expect(inTeam(ctx.db, u.owner.id, MISSING, "team.view", work)).rejects.toThrow(NotFoundError);
      await expect(readTeam(ctx.db, u.outsider.id, teamId, "team.view")).rejects.toThrow(NotFoundError);
      expect(ran).toBe(false);
    });

    test("a member whose role lacks the permission: forbidden", async () => {
      await expect(inTeam(ctx.db, u.viewer.id, teamId, "decision.create", ran)).rejects.toThrow(ForbiddenError);
      await expect(inTeam(ctx.db, u.member.id, teamId, "team.invite", ran)).rejects.toThrow(ForbiddenError);
      await expect(readTeam(ctx.db, u.member.id, teamId, "team.changeRole")).rejects.toThrow(ForbiddenError);
    });

    test("allowed: the work gets the actor, their role and the permission checked", async () => {
      const ctxSeen = await inTeam(ctx.db, u.member.id, teamId, "decision.create", async (c) => ({ actor: c.actor, granted: c.granted }));
      expect(ctxSeen).toEqual({ actor: { userId: u.member.id, role: "member" }, granted: "decision.create" });
    });
  });

  describe("a decision", () => {
    test("a decision of another team, or none: not found, even for an owner", async () => {
      const elsewhere = await decisionIn(ctx.db, "weighting", u.outsider.id, otherTeamId);
      await expect(inDecision(ctx.db, u.owner.id, { teamId, decisionId: elsewhere.decisionId }, "decision.view", ran)).rejects.toThrow(NotFoundError);
      await expect(readDecision(ctx.db, u.owner.id, { teamId, decisionId: MISSING }, "decision.view")).rejects.toThrow(NotFoundError);
      await expect(readDecision(ctx.db, u.owner.id, { teamId: otherTeamId, decisionId: elsewhere.decisionId }, "decision.view")).rejects.toThrow(NotFoundError);
    });

    test("voting needs a voting role; running needs to facilitate it, or to be an owner or admin", async () => {
      const fx = await decisionIn(ctx.db, "weighting", u.facilitator.id, teamId);
      const ref = { teamId, decisionId: fx.decisionId };
      await expect(inDecision(ctx.db, u.viewer.id, ref, "decision.vote", ran, { lock: "share" })).rejects.toThrow(ForbiddenError);
      await expect(inDecision(ctx.db, u.member.id, ref, "decision.run", ran)).rejects.toThrow(ForbiddenError);
      await expect(inDecision(ctx.db, u.facilitator.id, ref, "decision.run", ran)).resolves.toBe("ran");
      await expect(inDecision(ctx.db, u.owner.id, ref, "decision.run", ran)).resolves.toBe("ran");
      const view = await readDecision(ctx.db, u.member.id, ref, "decision.view");
      expect(view.facilitates).toBe(false);
    });

    test("a facilitator made a viewer stops running their decision", async () => {
      const [demoted] = Object.values(await createUsers(ctx.db, ["demoted"]));
      const team = await createTeamWith(ctx.db, { owner: u.owner, member: demoted! });
      const fx = await decisionIn(ctx.db, "weighting", demoted!.id, team.id);
      const ref = { teamId: team.id, decisionId: fx.decisionId };
      await changeMemberRole(ctx.db, u.owner.id, { teamId: team.id, userId: demoted!.id, role: "viewer" });
      await expect(inDecision(ctx.db, demoted!.id, ref, "decision.run", ran)).rejects.toThrow(ForbiddenError);
      expect((await readDecision(ctx.db, demoted!.id, ref, "decision.view")).facilitates).toBe(false);
    });

    test("a share lock applies passed deadlines without recording them; an update lock records them; a failed write records nothing", async () => {
      const t0 = new Date();
      const fx = await createDecisionFixture(
        ctx.db,
        u.facilitator.id,
        teamId,
        { weightingDeadline: hoursAfter(t0, 1), scoringDeadline: hoursAfter(t0, 2) },
        t0,
      );
      await moveTo(ctx.db, fx, "weighting", { now: t0 });
      const ref = { teamId, decisionId: fx.decisionId };
      const later = hoursAfter(t0, 1.5);

      const seenShared = await inDecision(ctx.db, u.member.id, ref, "decision.vote", async (c) => c.decision.status, { lock: "share", now: later });
      expect(seenShared).toBe("scoring");
      expect((await decisionRow(ctx.db, fx.decisionId)).status).toBe("weighting");

      const failing = inDecision(
        ctx.db,
        u.facilitator.id,
        ref,
        "decision.run",
        async () => {
          throw new Error("the use case failed");
        },
        { now: later },
      );
      await expect(failing).rejects.toThrow("the use case failed");
      expect((await decisionRow(ctx.db, fx.decisionId)).status).toBe("weighting");

      const seenLocked = await inDecision(ctx.db, u.facilitator.id, ref, "decision.run", async (c) => c.decision.status, { now: later });
      expect(seenLocked).toBe("scoring");
      expect((await decisionRow(ctx.db, fx.decisionId)).status).toBe("scoring");
      const deadline = (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => (e.payload as { reason?: string }).reason === "deadline");
      expect(deadline).toHaveLength(1);
    });
  });

  describe("a decision, from a session cookie's claims", () => {
    const asSession = async (user: TestUser) => ({ userId: user.id, sessionId: await createSession(ctx.db, user.id, "access-test") });

    test("each refusal in the one statement: an ended or unknown session first, then a non-member, then a decision not of the team", async () => {
      const fx = await decisionIn(ctx.db, "scoring", u.facilitator.id, teamId);
      const elsewhere = await decisionIn(ctx.db, "weighting", u.outsider.id, otherTeamId);
      const ended = await asSession(u.member);
      await revokeSession(ctx.db, u.member.id, ended.sessionId);
      let runs = 0;
      const work = async () => {
        runs++;
      };
      const attempt = (session: { userId: string; sessionId: string }, decisionId = fx.decisionId) =>
        inDecisionForSession(ctx.db, session, { teamId, decisionId }, "decision.vote", work, { lock: "share" });

      await expect(attempt(ended)).rejects.toThrow(SignedOutError);
      await expect(attempt({ userId: u.member.id, sessionId: MISSING })).rejects.toThrow(SignedOutError);
      // Someone else's session id with this person's id names no session.
      await expect(attempt({ userId: u.member.id, sessionId: (await asSession(u.owner)).sessionId })).rejects.toThrow(SignedOutError);
      // A session that has gone unused past its idle lifetime has ended too.
      const idle = await asSession(u.member);
      const muchLater = new Date(Date.now() + 400 * 24 * 3600 * 1000);
      await expect(inDecisionForSession(ctx.db, idle, { teamId, decisionId: fx.decisionId }, "decision.vote", work, { now: muchLater })).rejects.toThrow(
        SignedOutError,
      );
      await expect(attempt(await asSession(u.outsider))).rejects.toThrow(TEAM_NOT_FOUND);
      await expect(attempt(await asSession(u.member), elsewhere.decisionId)).rejects.toThrow(DECISION_NOT_FOUND);
      await expect(attempt(await asSession(u.viewer))).rejects.toThrow(ForbiddenError);
      expect(runs).toBe(0);
    });

    test("allowed: the work gets the person behind the session and the decision", async () => {
      const fx = await decisionIn(ctx.db, "scoring", u.facilitator.id, teamId);
      const seen = await inDecisionForSession(ctx.db, await asSession(u.member), { teamId, decisionId: fx.decisionId }, "decision.vote", async (c, user) => ({
        user: user.id,
        role: c.actor.role,
        decision: c.decision.id,
      }));
      expect(seen).toEqual({ user: u.member.id, role: "member", decision: fx.decisionId });
    });
  });
});
