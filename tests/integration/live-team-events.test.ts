import { expect, test } from "vitest";
import { appendEvent, listLiveEventsAfter } from "../../db/queries/events";
import { teamWithMemberCount } from "../../db/queries/teams";
import { createLiveHub, type LiveEvent } from "../../lib/live/hub";
import { createDecisionFixture } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser } from "../support/factories";

// A team's stream: every event of the team (its own and each of its decisions'), none of another team's.

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDriver("live team events", (ctx) => {
  async function twoTeams() {
    const owner = await createUser(ctx.db, { name: "Team live owner" });
    const team = await createTeamWith(ctx.db, { owner });
    const other = await createTeamWith(ctx.db, { owner });
    const first = await createDecisionFixture(ctx.db, owner.id, team.id);
    const second = await createDecisionFixture(ctx.db, owner.id, team.id);
    const elsewhere = await createDecisionFixture(ctx.db, owner.id, other.id);
    return { teamId: team.id, otherTeamId: other.id, first, second, elsewhere };
  }

  test("a team subscriber hears every decision of the team and the team's own events, and no other team's", async () => {
    const { teamId, otherTeamId, first, second, elsewhere } = await twoTeams();
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const onTeam: LiveEvent[] = [];
    const onDecision: LiveEvent[] = [];
    const stopTeam = await hub.subscribe({ teamId, decisionId: null }, null, (e) => onTeam.push(e));
    const stopDecision = await hub.subscribe({ teamId, decisionId: first.decisionId }, null, (e) => onDecision.push(e));
    try {
      await appendEvent(ctx.db, { teamId, decisionId: first.decisionId, actorId: null, type: "scores.submitted", payload: { secret: 1 } });
      await appendEvent(ctx.db, { teamId, decisionId: second.decisionId, actorId: null, type: "weights.submitted" });
      await appendEvent(ctx.db, { teamId, actorId: null, type: "member.joined" });
      await appendEvent(ctx.db, { teamId: otherTeamId, decisionId: elsewhere.decisionId, actorId: null, type: "scores.submitted" });
      await appendEvent(ctx.db, { teamId: otherTeamId, actorId: null, type: "member.joined" });
      await eventually(() => onTeam.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(onTeam.map((e) => e.type)).toEqual(["scores.submitted", "weights.submitted", "member.joined"]);
      expect(onTeam.every((e) => Object.keys(e).sort().join() === "id,type")).toBe(true);
      // The decision's stream is as it was: its own decision's events only.
      expect(onDecision.map((e) => e.type)).toEqual(["scores.submitted"]);
    } finally {
      stopTeam();
      stopDecision();
    }
  });

  test("a team subscriber with a cursor is caught up on the team's events after it, then hears new ones", async () => {
    const { teamId, otherTeamId, first, second } = await twoTeams();
    const [start] = await listLiveEventsAfter(ctx.db, { teamId, decisionId: null }, 0, 1);
    await appendEvent(ctx.db, { teamId, decisionId: first.decisionId, actorId: null, type: "weights.submitted" });
    await appendEvent(ctx.db, { teamId: otherTeamId, actorId: null, type: "invite.created" });
    await appendEvent(ctx.db, { teamId, actorId: null, type: "invite.created" });
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const sent: LiveEvent[] = [];
    const stop = await hub.subscribe({ teamId, decisionId: null }, start!.id, (e) => sent.push(e));
    try {
      // On a LISTEN already open, an announcement of these same events may cross the catch-up read:
      // each is sent once, though not necessarily in id order.
      await eventually(() => sent.length === 2);
      expect(sent.map((e) => e.type).sort()).toEqual(["invite.created", "weights.submitted"]);
      await appendEvent(ctx.db, { teamId, decisionId: second.decisionId, actorId: null, type: "decision.phase_changed" });
      await eventually(() => sent.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sent.map((e) => e.type)).toHaveLength(3);
      expect(sent[2]!.type).toBe("decision.phase_changed");
    } finally {
      stop();
    }
  });

  test("the team page's read says where its live updates start: the team's latest event", async () => {
    const { teamId, otherTeamId, first } = await twoTeams();
    await appendEvent(ctx.db, { teamId, decisionId: first.decisionId, actorId: null, type: "weights.submitted" });
    await appendEvent(ctx.db, { teamId: otherTeamId, actorId: null, type: "member.joined" });
    const [latest] = await listLiveEventsAfter(ctx.db, { teamId, decisionId: null }, 0, 1);
    expect(latest!.type).toBe("weights.submitted");
    expect((await teamWithMemberCount(ctx.db, teamId))!.lastEventId).toBe(latest!.id);
  });
});
