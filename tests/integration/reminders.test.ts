import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { setEmailKinds } from "../../db/queries/notifications";
import { jobs, notifications } from "../../db/schema";
import { REMINDER_EVENT } from "../../lib/domain/reminders";
import { ConflictError } from "../../lib/errors";
import { applyDueDeadlines } from "../../lib/services/deadline-jobs";
import { EMAIL_JOB } from "../../lib/services/notifications";
import { sendDueReminders } from "../../lib/services/reminders";
import { createDecisionFixture, type DecisionFixture, ensureCatalog, hoursAfter, moveTo, scoreGrid, weightSheet } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { fanOutSettled } from "../support/fan-out";
import { createTeamWith, createUsers } from "../support/factories";
import { eventsOfDecision, rejectionOf } from "../support/inspect";
import { remind, saveScores, saveWeights } from "../support/use-cases";

const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

describeEachDriver("reminders", (ctx) => {
  beforeAll(() => ensureCatalog(ctx.db));

  /** A team of a facilitator (owner), three voters and a viewer, and a decision of it created at `t0`. */
  async function setUp(t0: Date, deadlines: { weightingDeadline?: Date; scoringDeadline?: Date } = {}) {
    const people = await createUsers(ctx.db, ["facilitator", "ada", "bo", "cy", "viewer"]);
    const team = await createTeamWith(ctx.db, { owner: people.facilitator, member: [people.ada, people.bo], admin: people.cy, viewer: people.viewer });
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, team.id, deadlines, t0);
    return { people, teamId: team.id, fx };
  }
  const ref = (fx: DecisionFixture) => ({ teamId: fx.teamId, decisionId: fx.decisionId });
  const reminderEvents = async (fx: DecisionFixture) => (await eventsOfDecision(ctx.db, fx.decisionId)).filter((e) => e.type === REMINDER_EVENT);
  const told = (userIds: string[]) =>
    ctx.db
      .select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title, path: notifications.path, id: notifications.id })
      .from(notifications)
      .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, "deadline_soon")))
      .orderBy(notifications.id);

  test("the facilitator reminds exactly those who have not given their weights, not themself; the fan-out tells them, by email as they chose", async () => {
    const t0 = new Date();
    const { people, fx } = await setUp(t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    await saveWeights(ctx.db, people.ada.id, weightSheet(fx, [5, 5]), t0);
    await setEmailKinds(ctx.db, people.cy.id, { deadline_soon: true });

    expect(await remind(ctx.db, people.facilitator.id, ref(fx), minutesAfter(t0, 1))).toEqual({ count: 2 });

    const [event] = await reminderEvents(fx);
    expect(event).toMatchObject({ actorId: people.facilitator.id, payload: { phase: "weighting", round: 1, trigger: "manual" } });
    expect([...(event!.payload.recipients as string[])].sort()).toEqual([people.bo.id, people.cy.id].sort());

    await fanOutSettled(ctx.db);
    const everyone = Object.values(people).map((p) => p.id);
    const notes = await told(everyone);
    expect(notes.map((n) => n.userId).sort()).toEqual([people.bo.id, people.cy.id].sort());
    expect(notes[0]!.path).toBe(`/teams/${fx.teamId}/decisions/${fx.decisionId}/weights`);
    expect(notes[0]!.title).toContain("your weights are still needed");
    const mail = await ctx.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, EMAIL_JOB),
          inArray(
            sql`(${jobs.payload}->>'notificationId')::bigint`,
            notes.map((n) => n.id),
          ),
        ),
      );
    expect(mail.map((m) => Number(m.payload.notificationId))).toEqual([notes.find((n) => n.userId === people.cy.id)!.id]);
  });

  test("while scoring, those without scores in the current round; nobody left is refused in words, and nothing is recorded", async () => {
    const t0 = new Date();
    const { people, fx } = await setUp(t0);
    await moveTo(ctx.db, fx, "scoring", { now: t0 });
    const grid = scoreGrid(fx, [
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    for (const voter of [people.ada, people.bo]) await saveScores(ctx.db, voter.id, grid, t0);
    expect(await remind(ctx.db, people.facilitator.id, ref(fx), t0)).toEqual({ count: 1 });
    expect((await reminderEvents(fx))[0]!.payload).toMatchObject({ phase: "scoring", recipients: [people.cy.id] });

    await saveScores(ctx.db, people.cy.id, grid, t0);
    const refused = await rejectionOf(remind(ctx.db, people.facilitator.id, ref(fx), hoursAfter(t0, 2)));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toBe("Everyone has given their scores: there is nobody to remind.");
    expect(await reminderEvents(fx)).toHaveLength(1);
  });

  test("at most once an hour per decision: the refusal says when, in the reader's zone; an hour later it goes", async () => {
    const t0 = new Date("2026-11-30T12:00:00Z");
    const { people, fx } = await setUp(t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    const sentAt = new Date("2026-11-30T13:05:00Z");
    await remind(ctx.db, people.facilitator.id, ref(fx), sentAt);

    const refused = await rejectionOf(remind(ctx.db, people.facilitator.id, ref(fx), minutesAfter(sentAt, 12), "Europe/Paris"));
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toBe("A reminder went out 12 minutes ago; you can remind again at 15:05 CET.");
    expect(await rejectionOf(remind(ctx.db, people.facilitator.id, ref(fx), minutesAfter(sentAt, 59)))).toBeInstanceOf(ConflictError);
    expect(await reminderEvents(fx)).toHaveLength(1);

    await remind(ctx.db, people.facilitator.id, ref(fx), minutesAfter(sentAt, 60));
    expect(await reminderEvents(fx)).toHaveLength(2);
  });

  test("four clicks at once send one reminder: the second finds the first's event under the decision's lock", async () => {
    const t0 = new Date();
    const { people, fx } = await setUp(t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    const clicks = await Promise.allSettled(Array.from({ length: 4 }, () => remind(ctx.db, people.facilitator.id, ref(fx), t0)));
    expect(clicks.filter((c) => c.status === "fulfilled")).toHaveLength(1);
    for (const c of clicks) if (c.status === "rejected") expect(c.reason).toBeInstanceOf(ConflictError);
    expect(await reminderEvents(fx)).toHaveLength(1);
  });

  test("a draft or a revealed decision has no one to remind", async () => {
    const t0 = new Date();
    const { people, fx } = await setUp(t0);
    expect(((await rejectionOf(remind(ctx.db, people.facilitator.id, ref(fx), t0))) as Error).message).toBe(
      "Reminders go out while weighting or scoring is open; this decision is now draft.",
    );
  });

  test("automatic: 24 hours and 1 hour before each deadline, each once, to those who have not submitted; the job moves the phase in between", async () => {
    const t0 = new Date();
    const weightingDeadline = hoursAfter(t0, 48);
    const scoringDeadline = hoursAfter(t0, 96);
    const { people, teamId, fx } = await setUp(t0, { weightingDeadline, scoringDeadline });
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    await saveWeights(ctx.db, people.ada.id, weightSheet(fx, [5, 5]), t0);
    const step = (hours: number) => sendDueReminders(ctx.db, { now: hoursAfter(t0, hours), teamId });

    expect(await step(23.9)).toBe(0);
    expect(await step(24)).toBe(1);
    expect(await step(30)).toBe(0);
    expect(await step(47)).toBe(1);
    expect(await step(47.5)).toBe(0);
    const weighting = await reminderEvents(fx);
    expect(weighting.map((e) => [e.payload.phase, e.payload.trigger, e.actorId])).toEqual([
      ["weighting", "24h", null],
      ["weighting", "1h", null],
    ]);
    // Everyone who can vote and has not weighted, the facilitator too: nobody sent it.
    expect([...(weighting[0]!.payload.recipients as string[])].sort()).toEqual([people.facilitator.id, people.bo.id, people.cy.id].sort());

    // Past the weighting deadline the job opens scoring; its own reminders are 24 h and 1 h before its deadline.
    expect(await applyDueDeadlines(ctx.db, { now: hoursAfter(t0, 48.5), teamId })).toBe(1);
    expect(await step(71)).toBe(0);
    expect(await step(72)).toBe(1);
    expect(await step(95)).toBe(1);
    expect(await step(95.9)).toBe(0);
    expect((await reminderEvents(fx)).slice(2).map((e) => [e.payload.phase, e.payload.trigger])).toEqual([
      ["scoring", "24h"],
      ["scoring", "1h"],
    ]);
  });

  test("a phase opened less than a day before its deadline gets only the 1-hour reminder; a worker that slept through a window sends only the latest", async () => {
    const t0 = new Date();
    const { teamId, fx } = await setUp(t0, { weightingDeadline: hoursAfter(t0, 10) });
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    expect(await sendDueReminders(ctx.db, { now: hoursAfter(t0, 1), teamId })).toBe(0);
    expect(await sendDueReminders(ctx.db, { now: hoursAfter(t0, 9.5), teamId })).toBe(1);
    expect((await reminderEvents(fx)).map((e) => e.payload.trigger)).toEqual(["1h"]);

    const late = await setUp(t0, { weightingDeadline: hoursAfter(t0, 72) });
    await moveTo(ctx.db, late.fx, "weighting", { now: t0 });
    expect(await sendDueReminders(ctx.db, { now: hoursAfter(t0, 71.5), teamId: late.teamId })).toBe(1);
    expect(await sendDueReminders(ctx.db, { now: hoursAfter(t0, 71.6), teamId: late.teamId })).toBe(0);
    expect((await reminderEvents(late.fx)).map((e) => e.payload.trigger)).toEqual(["1h"]);
  });

  test("steps racing (several workers) send each automatic reminder once", async () => {
    const t0 = new Date();
    const { teamId, fx } = await setUp(t0, { weightingDeadline: hoursAfter(t0, 30) });
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    const now = hoursAfter(t0, 7);
    const sent = await Promise.all(Array.from({ length: 4 }, () => sendDueReminders(ctx.db, { now, teamId })));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await reminderEvents(fx)).toHaveLength(1);
  });

  test("the fan-out announces each told person's unread count once it commits, for the bell on their open pages", async () => {
    const t0 = new Date();
    const { people, fx } = await setUp(t0);
    await moveTo(ctx.db, fx, "weighting", { now: t0 });
    await fanOutSettled(ctx.db);
    const heard: { userId: string; unread: number }[] = [];
    const unlisten = await ctx.listen(
      "verdict_notifications",
      (payload) => heard.push(JSON.parse(payload) as { userId: string; unread: number }),
      () => {},
    );
    try {
      await remind(ctx.db, people.facilitator.id, ref(fx), t0);
      await fanOutSettled(ctx.db);
      const mine = new Set(Object.values(people).map((p) => p.id));
      // The latest count heard for each of this test's people (another file's fan-out may have told them first).
      const latest = () => new Map(heard.filter((h) => mine.has(h.userId)).map((h) => [h.userId, h.unread]));
      const until = Date.now() + 5_000;
      while ([...latest().values()].filter((n) => n === 2).length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      // Each voter but the facilitator had "weighting opened" unread, and now the reminder: 2. Nobody else is told.
      expect(Object.fromEntries(latest())).toEqual({ [people.ada.id]: 2, [people.bo.id]: 2, [people.cy.id]: 2 });
    } finally {
      await unlisten();
    }
  });
});
