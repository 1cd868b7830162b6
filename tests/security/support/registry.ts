import { randomUUID } from "node:crypto";
import { nestedFormData } from "../../../lib/validation/form-data";
import * as db from "./db";
import type { Fields } from "./http";
import type { Rule, Target } from "./rules";
import type { Actor, TeamSide, World } from "./world";

/**
 * Every server action and route handler of the app, with the rule that governs it. The rule names a
 * permission of lib/auth/roles.ts, so the expected outcome of each call comes from the permissions
 * table itself. A new action or route fails the suite until it is added here.
 */

/** What a call needs and how to see whether it wrote. */
export type Arranged = { path: string; fields: Fields; wrote: () => Promise<boolean> };

export type ActionCase = {
  file: string;
  exportName: string;
  rule: Rule;
  targets: readonly Target[];
  /** (previousState, formData) as with useActionState; false for actions bound straight to a form. */
  withState?: boolean;
  arrange?: (world: World, actor: Actor, target: Target) => Promise<Arranged>;
};

/** The team an object lives in: the other team's for "mixed", while the team id in the form says "own". */
const side = (world: World, target: Target): TeamSide => (target === "own" ? world.own : world.other);
const teamIdFor = (world: World, target: Target) => side(world, target === "mixed" ? "own" : target).teamId;

async function aMember(world: World, target: Target) {
  const userId = await db.insertUser("target");
  const home = side(world, target).teamId;
  await db.addMember(home, userId, "member");
  return { userId, home };
}

async function aDecision(world: World, target: Target, phase: db.Phase) {
  const home = side(world, target);
  return db.insertDecision(home.teamId, home.facilitatorId, phase);
}

const decisionPath = (teamId: string, decisionId: string, page = "") => `/teams/${teamId}/decisions/${decisionId}${page}`;

const draftFields = (title: string): Fields => ({
  title,
  context: "",
  "customOptions.0.name": "One",
  "customOptions.1.name": "Two",
  "criteria.0.name": "Speed",
  timezoneOffset: "0",
});

const TEAM_TARGETS = ["own", "other"] as const;
const OBJECT_TARGETS = ["own", "other", "mixed"] as const;

export const ACTION_CASES: readonly ActionCase[] = [
  { file: "app/(auth)/sign-in/actions.ts", exportName: "signInAction", rule: { kind: "public" }, targets: [] },
  { file: "app/(auth)/sign-up/actions.ts", exportName: "signUpAction", rule: { kind: "public" }, targets: [] },
  { file: "app/actions/sign-out.ts", exportName: "signOutAction", rule: { kind: "public" }, targets: [], withState: false },
  { file: "app/(auth)/github-sign-in.ts", exportName: "gitHubSignInAction", rule: { kind: "public" }, targets: [], withState: false },
  // Forgetting a password: anyone may ask (the answer never says whether an account exists), and
  // only the holder of an emailed link may set one (tests/integration/password-resets.test.ts).
  { file: "app/(auth)/forgot-password/actions.ts", exportName: "forgotPasswordAction", rule: { kind: "public" }, targets: [] },
  { file: "app/(auth)/reset-password/actions.ts", exportName: "resetPasswordAction", rule: { kind: "public" }, targets: [] },
  // A person's own account: each of these is checked against other people's sessions in account-actions.spec.ts.
  { file: "app/account/actions/change-password.ts", exportName: "changePasswordAction", rule: { kind: "signed-in" }, targets: [] },
  { file: "app/account/actions/revoke-session.ts", exportName: "revokeSessionAction", rule: { kind: "signed-in" }, targets: [] },
  { file: "app/account/actions/set-time-zone.ts", exportName: "setTimeZoneAction", rule: { kind: "signed-in" }, targets: [] },
  { file: "app/account/actions/sign-out-everywhere.ts", exportName: "signOutEverywhereAction", rule: { kind: "signed-in" }, targets: [], withState: false },
  { file: "app/account/actions/set-notification-settings.ts", exportName: "setNotificationSettingsAction", rule: { kind: "signed-in" }, targets: [] },
  // A person's own notifications: scoped to their id in the query (the integration tests open another's).
  { file: "app/notifications/actions/open-notification.ts", exportName: "openNotificationAction", rule: { kind: "signed-in" }, targets: [] },
  { file: "app/notifications/actions/mark-all-read.ts", exportName: "markAllReadAction", rule: { kind: "signed-in" }, targets: [] },
  {
    file: "app/teams/actions/create-team.ts",
    exportName: "createTeamAction",
    rule: { kind: "signed-in" },
    targets: ["own"],
    arrange: async () => {
      const name = `Matrix team ${randomUUID().slice(0, 8)}`;
      return { path: "/teams", fields: { name }, wrote: async () => (await db.teamsNamed(name)).length > 0 };
    },
  },
  {
    file: "app/invite/actions.ts",
    exportName: "acceptInviteAction",
    rule: { kind: "signed-in" },
    targets: TEAM_TARGETS,
    arrange: async (world, actor, target) => {
      const home = side(world, target);
      const { token } = await db.insertInvite(home.teamId, home.ownerId, "viewer");
      const before = actor.userId ? await db.roleIn(home.teamId, actor.userId) : null;
      return {
        path: "/invite",
        fields: { token },
        // Members already in the team stay as they are; everyone else joins as the invite says.
        wrote: async () => Boolean(actor.userId && (await db.roleIn(home.teamId, actor.userId)) === (before ?? "viewer")),
      };
    },
  },
  {
    file: "app/teams/[teamId]/actions/change-role.ts",
    exportName: "changeRoleAction",
    rule: { kind: "manage-member" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const { userId, home } = await aMember(world, target);
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}`, fields: { teamId, userId, role: "viewer" }, wrote: async () => (await db.roleIn(home, userId)) !== "member" };
    },
  },
  {
    file: "app/teams/[teamId]/actions/remove-member.ts",
    exportName: "removeMemberAction",
    rule: { kind: "manage-member" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const { userId, home } = await aMember(world, target);
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}`, fields: { teamId, userId }, wrote: async () => (await db.roleIn(home, userId)) !== "member" };
    },
  },
  {
    file: "app/teams/[teamId]/actions/create-invite.ts",
    exportName: "createInviteAction",
    rule: { kind: "permission", permission: "team.invite" },
    targets: TEAM_TARGETS,
    arrange: async (world, actor, target) => {
      const teamId = side(world, target).teamId;
      const creator = actor.userId ?? world.own.ownerId;
      const before = await db.invitesBy(teamId, creator);
      return {
        path: `/teams/${teamId}`,
        fields: { teamId, role: "member", expiresInDays: "7", maxUses: "" },
        wrote: async () => (await db.invitesBy(teamId, creator)) > before,
      };
    },
  },
  {
    file: "app/teams/[teamId]/actions/revoke-invite.ts",
    exportName: "revokeInviteAction",
    rule: { kind: "permission", permission: "team.invite" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const home = side(world, target);
      const invite = await db.insertInvite(home.teamId, home.ownerId);
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}`, fields: { teamId, inviteId: invite.id }, wrote: () => db.inviteRevoked(invite.id) };
    },
  },
  {
    file: "app/teams/[teamId]/actions/regenerate-invite.ts",
    exportName: "regenerateInviteAction",
    rule: { kind: "permission", permission: "team.invite" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const home = side(world, target);
      const invite = await db.insertInvite(home.teamId, home.ownerId, "member");
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}`, fields: { teamId, inviteId: invite.id }, wrote: async () => (await db.inviteTokenHash(invite.id)) !== invite.hash };
    },
  },
  {
    file: "app/teams/[teamId]/webhooks/actions/create-webhook.ts",
    exportName: "createWebhookAction",
    rule: { kind: "permission", permission: "team.webhooks" },
    targets: TEAM_TARGETS,
    arrange: async (world, _actor, target) => {
      const teamId = side(world, target).teamId;
      await db.clearFixtureWebhooks(teamId);
      // An address of this call's own: people act side by side, so a count of the team's webhooks would see the others'.
      const url = `http://127.0.0.1:3349/matrix/${randomUUID()}`;
      return {
        path: `/teams/${teamId}/webhooks`,
        fields: { teamId, url, format: "json", "events.decision_created": "on", secret: "" },
        wrote: async () => (await db.webhooksAt(url)) > 0,
      };
    },
  },
  {
    file: "app/teams/[teamId]/webhooks/actions/set-webhook-enabled.ts",
    exportName: "setWebhookEnabledAction",
    rule: { kind: "permission", permission: "team.webhooks" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const home = side(world, target);
      const webhookId = await db.insertWebhook(home.teamId, home.ownerId);
      const teamId = teamIdFor(world, target);
      return {
        path: `/teams/${teamId}/webhooks`,
        fields: { teamId, webhookId, enabled: "false" },
        wrote: async () => (await db.webhookState(webhookId))?.enabled === false,
      };
    },
  },
  {
    file: "app/teams/[teamId]/webhooks/actions/delete-webhook.ts",
    exportName: "deleteWebhookAction",
    rule: { kind: "permission", permission: "team.webhooks" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const home = side(world, target);
      const webhookId = await db.insertWebhook(home.teamId, home.ownerId);
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}/webhooks`, fields: { teamId, webhookId }, wrote: async () => (await db.webhookState(webhookId)) === null };
    },
  },
  {
    file: "app/teams/[teamId]/webhooks/actions/send-test-webhook.ts",
    exportName: "sendTestWebhookAction",
    rule: { kind: "permission", permission: "team.webhooks" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const home = side(world, target);
      const webhookId = await db.insertWebhook(home.teamId, home.ownerId);
      const teamId = teamIdFor(world, target);
      return { path: `/teams/${teamId}/webhooks`, fields: { teamId, webhookId }, wrote: async () => (await db.deliveriesOf(webhookId)) > 0 };
    },
  },
  {
    file: "app/teams/[teamId]/actions/leave-team.ts",
    exportName: "leaveTeamAction",
    rule: { kind: "permission", permission: "team.view" },
    targets: TEAM_TARGETS,
    arrange: async (world, actor, target) => {
      const teamId = side(world, target).teamId;
      const before = actor.userId ? await db.roleIn(teamId, actor.userId) : null;
      return {
        path: `/teams/${teamId}`,
        fields: { teamId },
        wrote: async () => before !== null && (await db.roleIn(teamId, actor.userId!)) === null,
      };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/actions/create-decision.ts",
    exportName: "createDecisionAction",
    rule: { kind: "permission", permission: "decision.create" },
    targets: TEAM_TARGETS,
    arrange: async (world, _actor, target) => {
      const teamId = side(world, target).teamId;
      const title = `Matrix decision ${randomUUID()}`;
      return { path: `/teams/${teamId}/decisions/new`, fields: { teamId, ...draftFields(title) }, wrote: () => db.decisionTitled(teamId, title) };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/actions/edit-decision.ts",
    exportName: "editDecisionAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "draft");
      const teamId = teamIdFor(world, target);
      const title = `Edited ${randomUUID()}`;
      return {
        path: decisionPath(teamId, decision.id, "/edit"),
        fields: { teamId, decisionId: decision.id, version: "1", ...draftFields(title) },
        wrote: async () => (await db.decisionState(decision.id))?.title === title,
      };
    },
  },
  phaseCase("advance-phase.ts", "advancePhaseAction", "draft", { from: "draft" }, (d) => d.status !== "draft"),
  phaseCase("withdraw.ts", "withdrawAction", "draft", { reason: "Matrix" }, (d) => d.status !== "draft"),
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/return-to-draft.ts",
    exportName: "returnToDraftAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "weighting");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, setAside: "0", confirm: "on" },
        wrote: async () => (await db.decisionState(decision.id))?.status !== "weighting",
      };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/remind.ts",
    exportName: "remindAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      // In weighting with nobody's weights given: whoever may remind has someone to remind.
      const decision = await aDecision(world, target, "weighting");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id },
        wrote: async () => (await db.countEvents(decision.id, "reminder.sent")) > 0,
      };
    },
  },
  phaseCase("open-next-round.ts", "openNextRoundAction", "revealed", { round: "1" }, (d) => d.current_round !== 1),
  phaseCase("deprecate.ts", "deprecateAction", "decided", {}, (d) => d.deprecated_at !== null),
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/decide.ts",
    exportName: "decideAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "revealed");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id, "/decide"),
        fields: {
          teamId,
          decisionId: decision.id,
          chosenOptionId: decision.options[0]!,
          justification: "Matrix",
          context: "Matrix",
          decision: "Matrix",
          consequencesGood: "Matrix",
          consequencesBad: "Matrix",
        },
        wrote: () => db.hasOutcome(decision.id),
      };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/supersede.ts",
    exportName: "supersedeAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const old = await aDecision(world, target, "decided");
      const newer = await aDecision(world, target, "decided");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, old.id),
        fields: { teamId, decisionId: old.id, supersededById: newer.id },
        wrote: async () => (await db.decisionState(old.id))?.superseded_by_id !== null,
      };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/set-review-date.ts",
    exportName: "setReviewDateAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "decided");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, reviewOn: "2999-01-15" },
        wrote: async () => (await db.reviewDueAt(decision.id))?.getUTCFullYear() === 2999,
      };
    },
  },
  {
    // Reviewing is for the deciding round's voters while they may vote: every caller is given a
    // ballot in that round first, so the role alone decides.
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/save-review.ts",
    exportName: "saveReviewAction",
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, actor, target) => {
      const home = side(world, target);
      const decision = await aDecision(world, target, "decided");
      await db.recordOutcome(decision, home.facilitatorId);
      await db.makeReviewDue(decision.id);
      const teamId = teamIdFor(world, target);
      const userId = actor.userId ?? world.own.ownerId;
      await db.saveBallot(decision, userId, {
        weights: [5, 5],
        scores: [
          [3, 3],
          [3, 3],
        ],
        comment: "",
        evidence: "",
      });
      return {
        path: decisionPath(teamId, decision.id, "/review"),
        fields: { teamId, decisionId: decision.id, [`scores.${decision.criteria[0]!}`]: "4", learned: "Matrix" },
        wrote: () => db.hasReview(decision.id, userId),
      };
    },
  },
  sheetActionCase("weights"),
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/withdraw-sheet.ts",
    exportName: "withdrawSheetAction",
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, actor, target) => {
      const decision = await aDecision(world, target, "scoring");
      const teamId = teamIdFor(world, target);
      // Whoever calls has a sheet in the decision to take back, so only the rule decides.
      const userId = actor.userId ?? world.own.ownerId;
      await db.saveBallot(decision, userId, {
        weights: [5, 5],
        scores: [
          [3, 3],
          [3, 3],
        ],
        comment: "",
        evidence: "",
      });
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, kind: "scores", confirm: "on" },
        wrote: async () => (await db.countScores(decision.id, userId)) === 0,
      };
    },
  },
  sheetActionCase("scores"),
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/amend-outcome.ts",
    exportName: "amendOutcomeAction",
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "decided");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, text: "We also run the reports on it.", reason: "Scope grew" },
        wrote: async () => (await db.countEvents(decision.id, "outcome.amended")) > 0,
      };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/actions/add-comment.ts",
    exportName: "addCommentAction",
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, "weighting");
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, body: "What about hosting?" },
        wrote: async () => (await db.countEvents(decision.id, "comment.added")) > 0,
      };
    },
  },
  commentCase("edit-comment.ts", "editCommentAction", { body: "Edited" }, (c) => c.body === "Edited"),
  commentCase("remove-comment.ts", "removeCommentAction", {}, (c) => c.removed_at !== null),
];

/** A change to a comment that whoever calls wrote (so only the rule decides), seen in its row afterwards. */
function commentCase(file: string, exportName: string, extra: Fields, changed: (c: { body: string; removed_at: Date | null }) => boolean): ActionCase {
  return {
    file: `app/teams/[teamId]/decisions/[decisionId]/actions/${file}`,
    exportName,
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, actor, target) => {
      const decision = await aDecision(world, target, "weighting");
      const teamId = teamIdFor(world, target);
      const commentId = await db.insertComment(decision, actor.userId ?? world.own.ownerId, "First thought");
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, commentId, ...extra },
        wrote: async () => changed((await db.commentRow(commentId))!),
      };
    },
  };
}

type DecisionState = NonNullable<Awaited<ReturnType<typeof db.decisionState>>>;

/** A facilitator's move on one decision in `phase`, seen in the decision row afterwards. */
function phaseCase(file: string, exportName: string, phase: db.Phase, extra: Fields, moved: (d: DecisionState) => boolean): ActionCase {
  return {
    file: `app/teams/[teamId]/decisions/[decisionId]/actions/${file}`,
    exportName,
    rule: { kind: "facilitator" },
    targets: OBJECT_TARGETS,
    arrange: async (world, _actor, target) => {
      const decision = await aDecision(world, target, phase);
      const teamId = teamIdFor(world, target);
      return {
        path: decisionPath(teamId, decision.id),
        fields: { teamId, decisionId: decision.id, ...extra },
        wrote: async () => moved((await db.decisionState(decision.id))!),
      };
    },
  };
}

/** `secret` is what a granted answer carries and a refused one must not (the decision's title, the team's name). */
export type RouteCase = {
  file: string;
  methods: readonly string[];
  rule: Rule;
  targets: readonly Target[];
  arrange: (world: World, target: Target) => Promise<{ urls: string[]; secret: string }>;
  /** A text/event-stream that never ends: judged by its status and type; `secret` must never be in what it sends. */
  stream?: true;
};

export const ROUTE_CASES: readonly RouteCase[] = [
  {
    file: "app/teams/[teamId]/decisions/[decisionId]/export/[format]/route.ts",
    methods: ["GET"],
    rule: { kind: "permission", permission: "team.view" },
    targets: OBJECT_TARGETS,
    arrange: async (world, target) => {
      const decision = await aDecision(world, target, "revealed");
      const base = decisionPath(teamIdFor(world, target), decision.id, "/export");
      // The scores CSV holds no title; its option names (Alpha, Beta) only appear with scores.
      return { urls: ["madr", "json"].map((format) => `${base}/${format}`), secret: decision.title };
    },
  },
  {
    file: "app/teams/[teamId]/decisions/radar.csv/route.ts",
    methods: ["GET"],
    rule: { kind: "permission", permission: "team.view" },
    targets: TEAM_TARGETS,
    arrange: async (world, target) => {
      const home = side(world, target);
      const decision = await db.insertDecision(home.teamId, home.facilitatorId, "decided");
      await db.recordOutcome(decision, home.facilitatorId);
      return { urls: [`/teams/${home.teamId}/decisions/radar.csv`], secret: decision.title };
    },
  },
  {
    // decision.view needs team.view: any member may follow a decision live; the stream carries ids and types only.
    file: "app/api/teams/[teamId]/decisions/[decisionId]/live/route.ts",
    methods: ["GET"],
    rule: { kind: "permission", permission: "team.view" },
    targets: OBJECT_TARGETS,
    stream: true,
    arrange: async (world, target) => {
      const decision = await aDecision(world, target, "scoring");
      // after=0: an allowed stream first sends the decision's whole (short) history, which must not name it.
      return { urls: [`/api/teams/${teamIdFor(world, target)}/decisions/${decision.id}/live?after=0`], secret: decision.title };
    },
  },
  {
    // The team's stream: every event of the team, its decisions' included, ids and types only; any member may follow it.
    file: "app/api/teams/[teamId]/live/route.ts",
    methods: ["GET"],
    rule: { kind: "permission", permission: "team.view" },
    targets: TEAM_TARGETS,
    stream: true,
    arrange: async (world, target) => {
      const decision = await aDecision(world, target, "scoring");
      // after=0: an allowed stream first sends the team's whole (short) history, which must not name its decision.
      return { urls: [`/api/teams/${teamIdFor(world, target)}/live?after=0`], secret: decision.title };
    },
  },
];

/** A route that writes: a JSON body sent with the method, and whether it wrote. */
export type WriteRouteCase = {
  file: string;
  method: "PUT";
  rule: Rule;
  targets: readonly Target[];
  arrange: (world: World, actor: Actor, target: Target) => Promise<{ url: string; body: Record<string, unknown>; wrote: () => Promise<boolean> }>;
};

type Sheet = "scores" | "weights";

/** A decision open for the sheet, the sheet's fields (one score, or every weight), and whether the actor's sheet was written. */
async function openSheet(world: World, actor: Actor, target: Target, sheet: Sheet) {
  const decision = await aDecision(world, target, sheet === "scores" ? "scoring" : "weighting");
  const count = sheet === "scores" ? db.countScores : db.countWeights;
  const fields: Fields =
    sheet === "scores"
      ? { [`scores.${decision.options[0]}.${decision.criteria[0]}.score`]: "3" }
      : Object.fromEntries(decision.criteria.map((c) => [`weights.${c}`, "5"]));
  return { teamId: teamIdFor(world, target), decision, fields, wrote: async () => (await count(decision.id, actor.userId ?? world.own.ownerId)) > 0 };
}

/** Dotted field names as the nested object a sheet's script sends, nested the way the app does it. */
function nested(fields: Fields): Record<string, unknown> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of typeof value === "string" ? [value] : value) formData.append(name, one);
  const read = nestedFormData(formData);
  if (!read.success) throw new Error(read.message);
  return read.data;
}

function sheetActionCase(sheet: Sheet): ActionCase {
  return {
    file: `app/teams/[teamId]/decisions/[decisionId]/actions/save-${sheet}.ts`,
    exportName: sheet === "scores" ? "saveScoresAction" : "saveWeightsAction",
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, actor, target) => {
      const { teamId, decision, fields, wrote } = await openSheet(world, actor, target, sheet);
      return { path: decisionPath(teamId, decision.id, `/${sheet}`), fields: { teamId, decisionId: decision.id, ...fields }, wrote };
    },
  };
}

function sheetRouteCase(sheet: Sheet): WriteRouteCase {
  return {
    file: `app/api/teams/[teamId]/decisions/[decisionId]/${sheet}/route.ts`,
    method: "PUT",
    rule: { kind: "permission", permission: "decision.vote" },
    targets: OBJECT_TARGETS,
    arrange: async (world, actor, target) => {
      const { teamId, decision, fields, wrote } = await openSheet(world, actor, target, sheet);
      return { url: `/api/teams/${teamId}/decisions/${decision.id}/${sheet}`, body: nested(fields), wrote };
    },
  };
}

export const WRITE_ROUTE_CASES: readonly WriteRouteCase[] = [sheetRouteCase("scores"), sheetRouteCase("weights")];

/**
 * Auth.js's own endpoints (its sign-in, callback and session handling, not the app's
 * authorization), and the invite and password reset links themselves: open to anyone holding them,
 * they read nothing and only hand their token on to /invite or /reset-password in a cookie (the
 * invite and accept cases above, and the reset action's, cover what follows).
 */
export const EXEMPT_ROUTES = ["app/api/auth/[...nextauth]/route.ts", "app/invite/[token]/route.ts", "app/(auth)/reset-password/[token]/route.ts"];

export const caseName = (c: { file: string; exportName?: string }) => (c.exportName ? `${c.file}#${c.exportName}` : c.file);
