import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { appendEvent, listLiveEventsAfter } from "../../db/queries/events";
import { createLiveHub, EVENTS_CHANNEL, type LiveEvent } from "../../lib/live/hub";
import { readDecision } from "../../lib/services/access";
import { createDecisionFixture, type DecisionFixture } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser } from "../support/factories";

/** Resolves once `check` holds, polling briefly: notifications arrive after the insert commits. */
async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDriver("live events", (ctx) => {
  async function twoDecisions(): Promise<[DecisionFixture, DecisionFixture]> {
    const owner = await createUser(ctx.db, { name: "Live owner" });
    const team = await createTeamWith(ctx.db, { owner });
    return [await createDecisionFixture(ctx.db, owner.id, team.id), await createDecisionFixture(ctx.db, owner.id, team.id)];
  }
  const scopeOf = (fx: DecisionFixture) => ({ teamId: fx.teamId, decisionId: fx.decisionId });

  test("an appended event is announced on verdict_events with its id, team, decision and type, never its payload", async () => {
    const [fx] = await twoDecisions();
    const heard: string[] = [];
    const unlisten = await ctx.listen(
      EVENTS_CHANNEL,
      (payload) => heard.push(payload),
      () => {},
    );
    try {
      await appendEvent(ctx.db, { teamId: fx.teamId, decisionId: fx.decisionId, actorId: null, type: "scores.submitted", payload: { secret: "7" } });
      await eventually(() => heard.some((p) => p.includes(fx.decisionId)));
      const mine = heard.map((p) => JSON.parse(p) as Record<string, unknown>).filter((p) => p.decisionId === fx.decisionId);
      expect(mine).toHaveLength(1);
      expect(Object.keys(mine[0]!).sort()).toEqual(["decisionId", "id", "teamId", "type"]);
      expect(mine[0]).toMatchObject({ teamId: fx.teamId, type: "scores.submitted" });
      expect(typeof mine[0]!.id).toBe("number");
    } finally {
      await unlisten();
    }
  });

  test("an event written in a transaction is announced once it commits; a rolled-back one never is", async () => {
    const [fx] = await twoDecisions();
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const sent: LiveEvent[] = [];
    const stop = await hub.subscribe(scopeOf(fx), null, (e) => sent.push(e));
    try {
      await ctx.db
        .transaction(async (tx) => {
          await appendEvent(tx, { teamId: fx.teamId, decisionId: fx.decisionId, actorId: null, type: "weights.updated" });
          tx.rollback();
        })
        .catch(() => {});
      await ctx.db.transaction(async (tx) => {
        await appendEvent(tx, { teamId: fx.teamId, decisionId: fx.decisionId, actorId: null, type: "weights.submitted" });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(sent).toEqual([]);
      });
      await eventually(() => sent.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sent.map((e) => e.type)).toEqual(["weights.submitted"]);
    } finally {
      stop();
    }
  });

  test("the hub sends a decision's new events to that decision's subscribers only", async () => {
    const [watched, other] = await twoDecisions();
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const onWatched: LiveEvent[] = [];
    const onOther: LiveEvent[] = [];
    const stopWatched = await hub.subscribe(scopeOf(watched), null, (e) => onWatched.push(e));
    const stopOther = await hub.subscribe(scopeOf(other), null, (e) => onOther.push(e));
    try {
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type: "weights.submitted" });
      await eventually(() => onWatched.length === 1);
      expect(onWatched[0]).toEqual({ id: expect.any(Number), type: "weights.submitted" });
      // Give a stray announcement time to arrive before saying none came.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(onOther).toEqual([]);
    } finally {
      stopWatched();
      stopOther();
    }
  });

  test("a subscriber with a cursor is first sent what it missed, in order, then new events, each once", async () => {
    const [watched, other] = await twoDecisions();
    const [start] = await listLiveEventsAfter(ctx.db, scopeOf(watched), 0, 1);
    for (const type of ["weights.submitted", "weights.updated"] as const) {
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type });
      await appendEvent(ctx.db, { teamId: other.teamId, decisionId: other.decisionId, actorId: null, type });
    }
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const sent: LiveEvent[] = [];
    const stop = await hub.subscribe(scopeOf(watched), start!.id, (e) => sent.push(e));
    try {
      expect(sent.map((e) => e.type)).toEqual(["weights.submitted", "weights.updated"]);
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type: "scores.submitted" });
      await eventually(() => sent.length === 3);
      expect(sent.map((e) => e.type)).toEqual(["weights.submitted", "weights.updated", "scores.submitted"]);
      expect(sent.map((e) => e.id)).toEqual([...sent.map((e) => e.id)].sort((a, b) => a - b));
    } finally {
      stop();
    }
  });

  test("the catch-up query returns a decision's events after an id, for that decision only, oldest first, bounded", async () => {
    const [watched, other] = await twoDecisions();
    const [created] = await listLiveEventsAfter(ctx.db, scopeOf(watched), 0, 10);
    expect(created).toMatchObject({ type: "decision.created" });
    for (const type of ["weights.submitted", "weights.updated", "scores.submitted"] as const) {
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type, payload: { hidden: 1 } });
      await appendEvent(ctx.db, { teamId: other.teamId, decisionId: other.decisionId, actorId: null, type });
    }
    const after = await listLiveEventsAfter(ctx.db, scopeOf(watched), created!.id, 10);
    expect(after.map((e) => e.type)).toEqual(["weights.submitted", "weights.updated", "scores.submitted"]);
    expect(after.every((e) => Object.keys(e).sort().join() === "id,type")).toBe(true);
    expect(after.map((e) => e.id)).toEqual([...after.map((e) => e.id)].sort((a, b) => a - b));
    // Bounded: the latest ones, still oldest first.
    expect((await listLiveEventsAfter(ctx.db, scopeOf(watched), created!.id, 2)).map((e) => e.type)).toEqual(["weights.updated", "scores.submitted"]);
    // Scoped by team too: the decision's id under another team's id finds nothing.
    expect(await listLiveEventsAfter(ctx.db, { teamId: crypto.randomUUID(), decisionId: watched.decisionId }, 0, 10)).toEqual([]);
  });

  test("after the LISTEN is re-established, subscribers are caught up from the table", async () => {
    const [watched] = await twoDecisions();
    let reestablish: () => void = () => {};
    let deliver: (payload: string) => void = () => {};
    // A LISTEN that drops announcements, as a lost connection does, and reconnects on demand.
    const hub = createLiveHub({
      db: ctx.db,
      listen: async (_channel, onNotify, onListen) => {
        deliver = onNotify;
        reestablish = onListen;
        onListen();
        return async () => {};
      },
    });
    const sent: LiveEvent[] = [];
    const stop = await hub.subscribe(scopeOf(watched), null, (e) => sent.push(e));
    try {
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type: "weights.submitted" });
      expect(sent).toEqual([]);
      reestablish();
      await eventually(() => sent.length === 1);
      expect(sent[0]!.type).toBe("weights.submitted");
      // The same event announced late is not sent twice.
      deliver(JSON.stringify({ id: sent[0]!.id, teamId: watched.teamId, decisionId: watched.decisionId, type: "weights.submitted" }));
      expect(sent).toHaveLength(1);
    } finally {
      stop();
    }
  });

  test("a page's read of the decision says where its live updates start: the decision's latest event", async () => {
    const [watched, other] = await twoDecisions();
    await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type: "weights.submitted" });
    await appendEvent(ctx.db, { teamId: other.teamId, decisionId: other.decisionId, actorId: null, type: "weights.submitted" });
    const [latest] = await listLiveEventsAfter(ctx.db, scopeOf(watched), 0, 1);
    const view = await readDecision(ctx.db, watched.facilitatorId, scopeOf(watched), "decision.view");
    expect(view.lastEventId).toBe(latest!.id);
  });

  test.runIf(ctx.driver === "postgres")("a LISTEN connection that PostgreSQL ends is re-established, and its subscribers carry on", async () => {
    const [watched] = await twoDecisions();
    const established: number[] = [];
    const hub = createLiveHub({
      db: ctx.db,
      listen: (channel, onNotify, onListen) => ctx.listen(channel, onNotify, () => (established.push(Date.now()), onListen())),
    });
    const sent: LiveEvent[] = [];
    const stop = await hub.subscribe(scopeOf(watched), null, (e) => sent.push(e));
    try {
      await eventually(() => established.length === 1);
      // What an outage or a restart does to the connection: the server ends it.
      await ctx.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
      );
      await eventually(() => established.length === 2, 10_000);
      await appendEvent(ctx.db, { teamId: watched.teamId, decisionId: watched.decisionId, actorId: null, type: "scores.submitted" });
      await eventually(() => sent.length === 1);
      expect(sent[0]!.type).toBe("scores.submitted");
    } finally {
      stop();
    }
  });
});
