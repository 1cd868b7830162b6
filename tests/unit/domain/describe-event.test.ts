import { describe, expect, test } from "vitest";
import { describeEvent } from "@/lib/domain/describe-event";

describe("describeEvent", () => {
  test.each<{ type: string; payload: Record<string, unknown>; actor: string | null; expected: string }>([
    { type: "team.created", payload: { name: "Payments" }, actor: "Ada", expected: "Ada created the team" },
    { type: "member.joined", payload: { name: "Grace", role: "viewer" }, actor: "Grace", expected: "Grace joined as a viewer" },
    { type: "member.joined", payload: { name: "Grace", role: "admin" }, actor: "Grace", expected: "Grace joined as an admin" },
    { type: "member.joined", payload: { name: "Grace", role: "owner" }, actor: "Grace", expected: "Grace joined as an owner" },
    { type: "member.joined", payload: { name: "Grace", role: "member" }, actor: "Grace", expected: "Grace joined as a member" },
    {
      type: "member.role_changed",
      payload: { name: "Grace", from: "member", to: "admin" },
      actor: "Ada",
      expected: "Ada made Grace an admin",
    },
    { type: "member.removed", payload: { name: "Grace", role: "member" }, actor: "Ada", expected: "Ada removed Grace" },
    { type: "member.left", payload: { name: "Grace", role: "member" }, actor: "Grace", expected: "Grace left the team" },
    { type: "invite.created", payload: { role: "viewer", maxUses: 3 }, actor: "Ada", expected: "Ada created an invite link for a viewer" },
    { type: "invite.revoked", payload: { role: "admin" }, actor: "Ada", expected: "Ada revoked an invite link" },
    { type: "invite.regenerated", payload: { inviteId: "i", role: "member" }, actor: "Ada", expected: "Ada regenerated an invite link for a member" },
  ])("$type: $expected", ({ type, payload, actor, expected }) => {
    expect(describeEvent(type, payload, actor)).toBe(expected);
  });

  // Old or hand-edited events must still read as a sentence.
  test.each<{ name: string; type: string; payload: Record<string, unknown>; actor: string | null; expected: string }>([
    { name: "no actor", type: "team.created", payload: {}, actor: null, expected: "Someone created the team" },
    { name: "joined without a name", type: "member.joined", payload: { role: "admin" }, actor: "Grace", expected: "Grace joined as an admin" },
    { name: "joined with a null name", type: "member.joined", payload: { name: null, role: "admin" }, actor: "Grace", expected: "Grace joined as an admin" },
    { name: "joined with nothing known", type: "member.joined", payload: {}, actor: null, expected: "Someone joined as a member" },
    { name: "joined with an empty name", type: "member.joined", payload: { name: "", role: "viewer" }, actor: null, expected: "Someone joined as a viewer" },
    { name: "joined with a numeric name", type: "member.joined", payload: { name: 42, role: "viewer" }, actor: "Grace", expected: "Grace joined as a viewer" },
    { name: "an unknown role", type: "member.joined", payload: { name: "Grace", role: "superuser" }, actor: null, expected: "Grace joined as a member" },
    { name: "a role in capitals", type: "member.joined", payload: { name: "Grace", role: "ADMIN" }, actor: null, expected: "Grace joined as a member" },
    { name: "a role that is not a string", type: "member.joined", payload: { name: "Grace", role: 3 }, actor: null, expected: "Grace joined as a member" },
    {
      name: "a role named like an Object method",
      type: "member.joined",
      payload: { name: "Grace", role: "constructor" },
      actor: null,
      expected: "Grace joined as a member",
    },
    { name: "a role of toString", type: "invite.created", payload: { role: "toString" }, actor: "Ada", expected: "Ada created an invite link for a member" },
    {
      name: "a role of __proto__",
      type: "member.role_changed",
      payload: { name: "Grace", to: "__proto__" },
      actor: "Ada",
      expected: "Ada made Grace a member",
    },
    { name: "role change without a name", type: "member.role_changed", payload: { to: "owner" }, actor: "Ada", expected: "Ada made someone an owner" },
    {
      name: "role change without a target role",
      type: "member.role_changed",
      payload: { name: "Grace", from: "admin" },
      actor: "Ada",
      expected: "Ada made Grace a member",
    },
    { name: "removal with an object for a name", type: "member.removed", payload: { name: { first: "Grace" } }, actor: "Ada", expected: "Ada removed someone" },
    { name: "removal by nobody known", type: "member.removed", payload: {}, actor: null, expected: "Someone removed someone" },
    { name: "leaving without a name", type: "member.left", payload: {}, actor: "Grace", expected: "Grace left the team" },
    { name: "leaving with nothing known", type: "member.left", payload: {}, actor: null, expected: "Someone left the team" },
    { name: "an invite without a role", type: "invite.created", payload: {}, actor: "Ada", expected: "Ada created an invite link for a member" },
    { name: "an unknown event type", type: "decision.renamed", payload: { title: "Adopt Rust" }, actor: "Ada", expected: "Ada: decision.renamed" },
    { name: "a decision created", type: "decision.created", payload: { title: "Adopt Rust" }, actor: "Ada", expected: "Ada created the decision" },
    {
      name: "an anonymous decision created",
      type: "decision.created",
      payload: { anonymous: true },
      actor: "Ada",
      expected: "Ada created the decision (anonymous)",
    },
    { name: "a draft edited", type: "decision.edited", payload: {}, actor: "Ada", expected: "Ada edited the draft" },
    { name: "weighting opened", type: "decision.phase_changed", payload: { from: "draft", to: "weighting" }, actor: "Ada", expected: "Ada opened weighting" },
    {
      name: "results revealed",
      type: "decision.phase_changed",
      payload: { from: "scoring", to: "revealed" },
      actor: "Ada",
      expected: "Ada revealed the results",
    },
    {
      name: "a deadline passed",
      type: "decision.phase_changed",
      payload: { from: "weighting", to: "scoring", reason: "deadline" },
      actor: null,
      expected: "The weighting deadline passed: the decision moved to scoring",
    },
    {
      name: "withdrawn with a reason",
      type: "decision.phase_changed",
      payload: { to: "withdrawn", reason: "Out of scope" },
      actor: "Ada",
      expected: "Ada withdrew the decision: Out of scope",
    },
    { name: "an odd phase", type: "decision.phase_changed", payload: { from: "x", to: "constructor" }, actor: "Ada", expected: "Ada opened the next phase" },
    { name: "weights submitted", type: "weights.submitted", payload: {}, actor: "Ada", expected: "Ada submitted weights" },
    { name: "scores updated", type: "scores.updated", payload: {}, actor: "Ada", expected: "Ada updated their scores" },
    {
      name: "decided off the top",
      type: "decision.decided",
      payload: { chosenOptionName: "Koa", topRanked: false },
      actor: "Ada",
      expected: "Ada recorded the decision: Koa (not the top-ranked option)",
    },
    {
      name: "superseded",
      type: "decision.superseded",
      payload: { byTitle: "New API" },
      actor: "Ada",
      expected: "Ada marked this decision superseded by “New API”",
    },
    { name: "deprecated", type: "decision.deprecated", payload: {}, actor: "Ada", expected: "Ada marked this decision deprecated" },
    { name: "a second round", type: "decision.round_opened", payload: { round: 2 }, actor: "Ada", expected: "Ada opened scoring round 2" },
    { name: "an unknown type without an actor", type: "something.odd", payload: {}, actor: null, expected: "Someone: something.odd" },
  ])("$name", ({ type, payload, actor, expected }) => {
    expect(describeEvent(type, payload, actor)).toBe(expected);
  });
});
