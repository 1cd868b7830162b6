import { describe, expect, test } from "vitest";
import { escapeHtml, notificationEmail, type OutboxEvent, planNotifications, retryDelayMs } from "../../../lib/domain/notifications";

const members = [
  { userId: "fac", canVote: true },
  { userId: "mem", canVote: true },
  { userId: "view", canVote: false },
];
const context = { teamName: "Platform", decisionTitle: "Queue", members };
const event = (type: string, payload: Record<string, unknown> = {}, actorId: string | null = "fac"): OutboxEvent => ({
  id: 7,
  type,
  teamId: "t",
  decisionId: type.startsWith("decision.") ? "d" : null,
  actorId,
  payload,
});
const who = (e: OutboxEvent) => planNotifications(e, context).map((n) => `${n.userId}:${n.kind}`);

describe("planNotifications", () => {
  test("a phase opening tells those who vote, except whoever opened it; a deadline's change (no actor) tells every voter", () => {
    expect(who(event("decision.phase_changed", { to: "weighting" }))).toEqual(["mem:weighting_opened"]);
    expect(who(event("decision.phase_changed", { to: "scoring" }, null))).toEqual(["fac:scoring_opened", "mem:scoring_opened"]);
    expect(who(event("decision.round_opened", { round: 2 }))).toEqual(["mem:scoring_opened"]);
  });

  test("the reveal and the outcome tell every member but the actor, viewers too; withdrawing tells no one", () => {
    expect(who(event("decision.phase_changed", { to: "revealed" }))).toEqual(["mem:results_revealed", "view:results_revealed"]);
    expect(who(event("decision.decided", { chosenOptionName: "Kafka" }))).toEqual(["mem:outcome_recorded", "view:outcome_recorded"]);
    expect(who(event("decision.phase_changed", { to: "withdrawn" }))).toEqual([]);
  });

  test("joining and role changes tell the person concerned, while they are still a member", () => {
    expect(who(event("member.joined", { userId: "view", role: "viewer" }, "view"))).toEqual(["view:joined_team"]);
    const joined = (role: unknown) => planNotifications(event("member.joined", { userId: "mem", role }, "mem"), context)[0]?.title;
    expect(joined("admin")).toBe("You joined “Platform” as an admin");
    expect(joined("member")).toBe("You joined “Platform” as a member");
    expect(joined("constructor")).toBe("You joined “Platform” as a member");
    expect(who(event("member.role_changed", { userId: "mem", to: "admin" }))).toEqual(["mem:role_changed"]);
    expect(who(event("member.role_changed", { userId: "gone", to: "admin" }))).toEqual([]);
  });

  test("a review falling due tells the reviewers who are still members, and links to the review page", () => {
    const due = event("decision.review_due", { reviewDueAt: "2027-05-30T00:00:00.000Z" }, null);
    const reviewers = { ...context, reviewers: ["fac", "mem", "gone"] };
    expect(planNotifications(due, reviewers)).toEqual([
      { userId: "fac", kind: "review_due", title: "It is time to review “Queue”: how did the choice turn out?", path: "/teams/t/decisions/d/review" },
      { userId: "mem", kind: "review_due", title: "It is time to review “Queue”: how did the choice turn out?", path: "/teams/t/decisions/d/review" },
    ]);
    expect(who(due)).toEqual([]);
  });

  test("links go straight to the page, and no payload value other than names and roles is used", () => {
    const [n] = planNotifications(event("decision.phase_changed", { to: "scoring", secretScore: 5 }), context);
    expect(n).toEqual({
      userId: "mem",
      kind: "scoring_opened",
      title: "Scoring opened on “Queue”: your scores are needed",
      path: "/teams/t/decisions/d/scores",
    });
    expect(planNotifications(event("scores.submitted", { score: 5 }), context)).toEqual([]);
  });
});

describe("emails", () => {
  test("retries back off from 30 s, doubling, to an hour", () => {
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });

  test("the HTML part escapes every value; the text part has the link; the subject is one line", () => {
    const mail = notificationEmail({
      to: "a@example.test",
      name: "<Ana>",
      title: "Scoring opened on “<script>”\r\nBcc: x",
      url: "https://v.example/teams/t?x=1&y=2",
    });
    expect(mail.subject).toBe("Scoring opened on “<script>” Bcc: x");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;Ana&gt;");
    expect(mail.html).toContain('href="https://v.example/teams/t?x=1&amp;y=2"');
    expect(mail.text).toContain("Open it: https://v.example/teams/t?x=1&y=2");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});
