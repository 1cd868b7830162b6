import type { Db } from "../../db/client";
import type { DecisionPermission } from "../../lib/auth/roles";
import type { DecisionStatus } from "../../lib/domain/phases";
import { loadDecisionExport, loadTeamRadar } from "../../db/queries/exports";
import { inDecision, inTeam, readDecision, readTeam } from "../../lib/services/access";
import * as ballots from "../../lib/services/ballots";
import * as decisions from "../../lib/services/decisions";
import * as discussion from "../../lib/services/discussion";
import * as invites from "../../lib/services/invites";
import * as outcomes from "../../lib/services/outcomes";
import * as reminders from "../../lib/services/reminders";
import * as reviews from "../../lib/services/reviews";
import * as teams from "../../lib/services/teams";
import * as withdrawals from "../../lib/services/withdrawals";
import type { Role } from "../../lib/domain/roles";
import type { CreateDecisionInput, DecideInput, EditDecisionInput, ScoreSheetInput, WeightSheetInput } from "../../lib/validation/decision";
import type { CreateInviteInput } from "../../lib/validation/invite";

// The use cases as a person calls them through the app: each behind the same access check, with
// the same permission and lock, as its server action (app/**/actions). The use cases' context types
// make a weaker permission a type error, so these cannot drift from the actions.

type Ref = { teamId: string; decisionId: string };

export const createDecision = (db: Db, actorId: string, input: CreateDecisionInput, now?: Date) =>
  inTeam(db, actorId, input.teamId, "decision.create", (ctx) => decisions.createDecision(ctx, input), now);
export const editDecision = (db: Db, actorId: string, input: EditDecisionInput, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => decisions.editDecision(ctx, input), { now });
export const advancePhase = (db: Db, actorId: string, input: Ref & { from: DecisionStatus }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => decisions.advancePhase(ctx, input), { now });
export const openNextRound = (db: Db, actorId: string, input: Ref & { round: number }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => decisions.openNextRound(ctx, input), { now });
export const withdrawDecision = (db: Db, actorId: string, input: Ref & { reason: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => decisions.withdrawDecision(ctx, input), { now });
export const returnToDraft = (db: Db, actorId: string, input: Ref & { setAside: number }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => decisions.returnToDraft(ctx, input), { now });

export const saveWeights = (db: Db, actorId: string, input: WeightSheetInput, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => ballots.saveWeights(ctx, input), { lock: "share", now });
export const saveScores = (db: Db, actorId: string, input: ScoreSheetInput, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => ballots.saveScores(ctx, input), { lock: "share", now });
export const withdrawSheet = (db: Db, actorId: string, input: Ref & { kind: "weights" | "scores" }, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => withdrawals.withdrawSheet(ctx, input), { lock: "share", now });
/** Everyone's values, as the results page reads them. */
export const allBallots = async (db: Db, actorId: string, teamId: string, decisionId: string, now?: Date) =>
  ballots.revealedBallots(await readDecision(db, actorId, { teamId, decisionId }, "decision.view", now));

export const decide = (db: Db, actorId: string, input: DecideInput, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => outcomes.decide(ctx, input), { now });
export const supersede = (db: Db, actorId: string, input: Ref & { supersededById: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => outcomes.supersede(ctx, input), { now });
export const deprecate = (db: Db, actorId: string, input: Ref, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => outcomes.deprecate(ctx), { now });
export const amendOutcome = (db: Db, actorId: string, input: Ref & { text: string; reason: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => outcomes.amendOutcome(ctx, input), { now });
export const getOutcome = outcomes.getOutcome;
/** The facilitator's "Remind" button; `zone` words the time in a refusal. */
export const remind = (db: Db, actorId: string, input: Ref, now?: Date, zone = "UTC") =>
  inDecision(db, actorId, input, "decision.run", (ctx) => reminders.remindAwaited(ctx, zone), { now });

type CommentRef = Ref & { commentId: string };
const commenting = { lock: "share" as const };
export const addComment = (db: Db, actorId: string, input: Ref & { optionId?: string; body: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => discussion.addComment(ctx, input), { ...commenting, now });
export const editComment = (db: Db, actorId: string, input: CommentRef & { body: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => discussion.editComment(ctx, input), { ...commenting, now });
export const removeComment = (db: Db, actorId: string, input: CommentRef, now?: Date) =>
  inDecision(db, actorId, input, "decision.vote", (ctx) => discussion.removeComment(ctx, input), { ...commenting, now });

export const setReviewDate = (db: Db, actorId: string, input: Ref & { reviewOn: string; zone?: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.run", (ctx) => reviews.setReviewDate(ctx, { reviewOn: input.reviewOn, zone: input.zone ?? "UTC" }), { now });
export const saveReview = (db: Db, actorId: string, input: Ref & { scores: Record<string, number>; learned: string }, now?: Date) =>
  inDecision(db, actorId, input, "decision.view", (ctx) => reviews.saveReview(ctx, input), { now });

export const createInvite = (db: Db, actorId: string, input: CreateInviteInput, now?: Date) =>
  inTeam(db, actorId, input.teamId, "team.invite", (ctx) => invites.createInvite(ctx, input), now);
export const revokeInvite = (db: Db, actorId: string, input: { teamId: string; inviteId: string }, now?: Date) =>
  inTeam(db, actorId, input.teamId, "team.invite", (ctx) => invites.revokeInvite(ctx, input), now);
export const regenerateInvite = (db: Db, actorId: string, input: { teamId: string; inviteId: string }, now?: Date) =>
  inTeam(db, actorId, input.teamId, "team.invite", (ctx) => invites.regenerateInvite(ctx, input), now);
export const { acceptInvite, lookupInvite } = invites;

export const createTeam = teams.createTeam;
export const changeMemberRole = (db: Db, actorId: string, input: { teamId: string; userId: string; role: Role }) =>
  inTeam(db, actorId, input.teamId, "team.changeRole", (ctx) => teams.changeMemberRole(ctx, input));
export const removeMember = (db: Db, actorId: string, input: { teamId: string; userId: string }) =>
  inTeam(db, actorId, input.teamId, "team.removeMember", (ctx) => teams.removeMember(ctx, input));
export const leaveTeam = (db: Db, actorId: string, input: { teamId: string }) => inTeam(db, actorId, input.teamId, "team.view", (ctx) => teams.leaveTeam(ctx));

/** A decision as its pages read it: the access check, and the phase its deadlines make. */
export const viewDecision = (db: Db, actorId: string, ref: Ref, permission: DecisionPermission = "decision.view", now?: Date) =>
  readDecision(db, actorId, ref, permission, now);

/** The exports as their routes load them, behind the same checks. */
export const exportDecision = async (db: Db, actorId: string, teamId: string, decisionId: string) =>
  loadDecisionExport(db, (await readDecision(db, actorId, { teamId, decisionId }, "decision.view")).decision);
export const teamRadar = async (db: Db, actorId: string, teamId: string, newWithinDays?: number) =>
  loadTeamRadar(db, (await readTeam(db, actorId, teamId, "team.view")).teamId, newWithinDays);
