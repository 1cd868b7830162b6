import { expect, test } from "vitest";
import { countUnread, listNotifications, markAllNotificationsRead, markNotificationRead } from "../../db/queries/notifications";
import { createSession, findSessionUser } from "../../db/queries/sessions";
import { notificationEmail } from "../../lib/domain/notifications";
import { smtpMailer } from "../../lib/worker/mail";
import { createDecisionFixture, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { fanOutSettled } from "../support/fan-out";
import { createTeamWith, createUsers } from "../support/factories";
import { startSmtpReceiver } from "../support/smtp-receiver";

describeEachDriver("the inbox", (ctx) => {
  async function notified() {
    const people = await createUsers(ctx.db, ["facilitator", "member", "other"]);
    const team = await createTeamWith(ctx.db, { owner: people.facilitator, member: [people.member, people.other] });
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, team.id);
    await moveTo(ctx.db, fx, "scoring");
    await fanOutSettled(ctx.db);
    return people;
  }

  test("newest first, paged; the session lookup counts the unread in the same statement", async () => {
    const people = await notified();
    const { items, hasNext } = await listNotifications(ctx.db, people.member.id, { offset: 0, limit: 1 });
    expect(items.map((n) => n.kind)).toEqual(["scoring_opened"]);
    expect(hasNext).toBe(true);
    const sessionId = await createSession(ctx.db, people.member.id, "test", new Date());
    expect(await findSessionUser(ctx.db, sessionId, people.member.id)).toMatchObject({ unread: 2 });
  });

  test("opening marks only the person's own notification read; another's cannot be opened", async () => {
    const people = await notified();
    const [first] = (await listNotifications(ctx.db, people.member.id, { offset: 0, limit: 5 })).items;
    expect(await markNotificationRead(ctx.db, people.other.id, first!.id)).toBeNull();
    expect(await countUnread(ctx.db, people.member.id)).toBe(2);
    expect(await markNotificationRead(ctx.db, people.member.id, first!.id)).toBe(first!.path);
    expect(await countUnread(ctx.db, people.member.id)).toBe(1);
    expect(await markAllNotificationsRead(ctx.db, people.member.id)).toBe(1);
    expect(await countUnread(ctx.db, people.member.id)).toBe(0);
    expect(await countUnread(ctx.db, people.other.id)).toBe(2);
  });
});

test("an email reaches an SMTP server with a plain-text and an HTML part", async () => {
  const receiver = await startSmtpReceiver();
  try {
    const send = smtpMailer(`smtp://127.0.0.1:${receiver.port}`, "Verdict <verdict@example.test>");
    await send(
      notificationEmail({ to: "ana@example.test", name: "Ana", title: "Scoring opened on “A & B”", url: "https://verdict.example/teams/t/decisions/d/scores" }),
    );
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toContain("Content-Type: text/plain");
    expect(receiver.received[0]).toContain("Content-Type: text/html");
    expect(receiver.received[0]).toContain("To: ana@example.test");
    expect(receiver.received[0]).toContain("A &amp; B");
  } finally {
    await receiver.close();
  }
});
