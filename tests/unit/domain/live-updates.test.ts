import { describe, expect, test } from "vitest";
import {
  DECISION_EVENT_TYPES,
  endsSheetPhase,
  isBallotEvent,
  teamPageIgnores,
  LIVE_EVENT_TYPES,
  liveAnnouncement,
  liveSentence,
  sheetClosedNotice,
} from "@/lib/domain/live-updates";

describe("liveSentence", () => {
  test.each<{ type: string; phase: string | null; expected: string | null }>([
    { type: "decision.phase_changed", phase: "weighting", expected: "Weighting opened" },
    { type: "decision.phase_changed", phase: "scoring", expected: "Scoring opened" },
    { type: "decision.phase_changed", phase: "revealed", expected: "Results revealed" },
    { type: "decision.phase_changed", phase: "withdrawn", expected: "The decision was withdrawn" },
    // On the team page (no one phase shown), one of its decisions moved.
    { type: "decision.phase_changed", phase: null, expected: "A decision moved to its next phase" },
    { type: "decision.phase_changed", phase: "constructor", expected: "The decision moved to its next phase" },
    { type: "decision.round_opened", phase: "scoring", expected: "A new scoring round opened" },
    { type: "decision.returned_to_draft", phase: "draft", expected: "The decision went back to draft" },
    { type: "weights.submitted", phase: "weighting", expected: "Someone submitted their weights" },
    { type: "weights.updated", phase: "weighting", expected: "Someone updated their weights" },
    { type: "weights.withdrawn", phase: "weighting", expected: "Someone withdrew their weights" },
    { type: "scores.submitted", phase: "scoring", expected: "Someone submitted their scores" },
    { type: "scores.updated", phase: "scoring", expected: "Someone updated their scores" },
    { type: "scores.withdrawn", phase: "scoring", expected: "Someone withdrew their scores" },
    { type: "decision.decided", phase: "decided", expected: "The outcome was recorded" },
    { type: "decision.edited", phase: "draft", expected: "The draft was edited" },
    { type: "decision.superseded", phase: "decided", expected: "This decision was marked superseded" },
    { type: "decision.supersedes", phase: "decided", expected: "This decision now supersedes an older one" },
    { type: "decision.deprecated", phase: "decided", expected: "This decision was marked deprecated" },
    { type: "decision.created", phase: "draft", expected: null },
    { type: "team.created", phase: null, expected: null },
    { type: "member.joined", phase: null, expected: "Someone joined the team" },
    { type: "member.role_changed", phase: null, expected: "A member's role changed" },
    { type: "member.removed", phase: null, expected: "A member was removed from the team" },
    { type: "member.left", phase: null, expected: "A member left the team" },
    { type: "invite.created", phase: null, expected: "An invite link was created" },
    { type: "invite.revoked", phase: null, expected: "An invite link was revoked" },
    { type: "invite.regenerated", phase: null, expected: "An invite link was regenerated" },
    { type: "something.new", phase: "scoring", expected: "The decision changed" },
    { type: "toString", phase: "scoring", expected: "The decision changed" },
  ])("$type in $phase: $expected", ({ type, phase, expected }) => {
    expect(liveSentence(type, phase)).toBe(expected);
  });
});

describe("liveAnnouncement", () => {
  test("reads several events as sentences, in order, each once, leaving out the silent ones", () => {
    expect(liveAnnouncement(["scores.submitted", "decision.created", "scores.submitted", "decision.phase_changed"], "revealed")).toBe(
      "Someone submitted their scores. Results revealed.",
    );
    expect(liveAnnouncement([], "scoring")).toBe("");
  });
});

describe("a sheet open while its phase ends", () => {
  test.each([
    ["decision.phase_changed", true],
    ["decision.returned_to_draft", true],
    ["scores.submitted", false],
    ["weights.updated", false],
    ["decision.round_opened", false],
  ] as const)("%s ends the phase: %s", (type, ends) => {
    expect(endsSheetPhase(type)).toBe(ends);
  });

  test("the notice says the phase closed and nothing typed is lost", () => {
    expect(sheetClosedNotice("scores")).toBe("Scoring closed while you were editing; nothing you typed is lost.");
    expect(sheetClosedNotice("weights")).toBe("Weighting closed while you were editing; nothing you typed is lost.");
  });
});

test("a page listens for every decision event type, and each one is worded or deliberately silent", () => {
  expect([...DECISION_EVENT_TYPES].sort()).toEqual(
    [
      "comment.added",
      "comment.edited",
      "comment.removed",
      "decision.created",
      "decision.decided",
      "decision.deprecated",
      "decision.edited",
      "decision.phase_changed",
      "decision.returned_to_draft",
      "decision.round_opened",
      "decision.superseded",
      "decision.supersedes",
      "decision.review_date_set",
      "decision.review_due",
      "outcome.amended",
      "reminder.sent",
      "review.submitted",
      "review.updated",
      "scores.submitted",
      "scores.updated",
      "scores.withdrawn",
      "weights.submitted",
      "weights.updated",
      "weights.withdrawn",
    ].sort(),
  );
  for (const type of DECISION_EVENT_TYPES) expect(liveSentence(type, "scoring")).not.toBe("The decision changed");
});

test("a team page listens for every decision event type and the team's own", () => {
  expect(LIVE_EVENT_TYPES).toEqual(expect.arrayContaining([...DECISION_EVENT_TYPES]));
  expect(LIVE_EVENT_TYPES.filter((type) => !DECISION_EVENT_TYPES.includes(type)).sort()).toEqual(
    ["invite.created", "invite.regenerated", "invite.revoked", "member.joined", "member.left", "member.removed", "member.role_changed", "team.created"].sort(),
  );
  for (const type of LIVE_EVENT_TYPES) expect(liveSentence(type, null)).not.toBe("The decision changed");
});

test("ballot events are the saved and withdrawn weights and scores: progress, which the team page does not show", () => {
  expect(LIVE_EVENT_TYPES.filter(isBallotEvent).sort()).toEqual(
    ["scores.submitted", "scores.updated", "scores.withdrawn", "weights.submitted", "weights.updated", "weights.withdrawn"].sort(),
  );
});

test("the team page ignores ballots and reminders, and nothing else", () => {
  expect(LIVE_EVENT_TYPES.filter(teamPageIgnores).sort()).toEqual([...LIVE_EVENT_TYPES.filter(isBallotEvent), "reminder.sent"].sort());
});
