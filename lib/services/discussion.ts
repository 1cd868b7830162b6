import "server-only";
import { findCommentForUpdate, findOption, insertComment, memberNames, updateComment } from "../../db/queries/comments";
import { appendEvent } from "../../db/queries/events";
import { mayEditComment, mayRemoveComment, mentionedMembers, quotesAValue, SEALED_DISCUSSION_MESSAGE } from "../domain/discussion";
import { AppError, ConflictError, NotFoundError } from "../errors";
import type { AddCommentInput } from "../validation/discussion";
import type { DecisionContext } from "./access";

// The decision's and its options' discussion threads. Every comment, edit and removal is also an
// event, so the history keeps that it happened (a removed comment's words are gone, not its trace),
// the live pages hear of it, and a mention reaches the person through the notifications fan-out.

type Commenting = DecisionContext<"decision.vote">;

const isSealed = (ctx: Commenting) => ctx.decision.status !== "revealed" && ctx.decision.status !== "decided";

function checkSealed(ctx: Commenting, body: string) {
  if (isSealed(ctx) && quotesAValue(body)) throw new AppError(SEALED_DISCUSSION_MESSAGE, { body: SEALED_DISCUSSION_MESSAGE });
}

export async function addComment(ctx: Commenting, input: Pick<AddCommentInput, "optionId" | "body">): Promise<string> {
  const { tx, decision } = ctx;
  checkSealed(ctx, input.body);
  let option: { id: string; name: string } | null = null;
  if (input.optionId) {
    if (decision.status === "draft") {
      throw new ConflictError("Options can still change while the decision is a draft: use the decision's own thread until weighting opens.");
    }
    option = await findOption(tx, decision.id, input.optionId);
    if (!option) throw new NotFoundError("That option is not part of this decision.");
  }
  const mentioned = mentionedMembers(input.body, await memberNames(tx, ctx.teamId), ctx.actor.userId);
  const commentId = await insertComment(tx, {
    teamId: ctx.teamId,
    decisionId: decision.id,
    optionId: option?.id ?? null,
    optionName: option?.name ?? null,
    authorId: ctx.actor.userId,
    body: input.body,
    createdAt: ctx.now,
  });
  await appendEvent(tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: decision.id,
    actorId: ctx.actor.userId,
    type: "comment.added",
    payload: { commentId, ...(option ? { optionId: option.id, optionName: option.name } : {}), mentioned },
  });
  return commentId;
}

async function ownComment(ctx: Commenting, commentId: string) {
  const comment = await findCommentForUpdate(ctx.tx, ctx.decision.id, commentId);
  if (!comment || comment.teamId !== ctx.teamId) throw new NotFoundError("That comment is not part of this decision.");
  return comment;
}

export async function editComment(ctx: Commenting, input: { commentId: string; body: string }): Promise<void> {
  const comment = await ownComment(ctx, input.commentId);
  if (!mayEditComment(comment, ctx.actor.userId, ctx.now)) {
    throw new ConflictError(
      comment.authorId !== ctx.actor.userId ? "Only its author can edit a comment." : "A comment can be edited for 15 minutes after it is written.",
    );
  }
  checkSealed(ctx, input.body);
  // Mentions added by an edit are not told: the fan-out tells of a comment once, when it is added.
  await updateComment(ctx.tx, comment.id, { body: input.body, editedAt: ctx.now });
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: ctx.decision.id,
    actorId: ctx.actor.userId,
    type: "comment.edited",
    payload: { commentId: comment.id },
  });
}

export async function removeComment(ctx: Commenting, input: { commentId: string }): Promise<void> {
  const comment = await ownComment(ctx, input.commentId);
  if (!mayRemoveComment(comment, ctx.actor.userId)) {
    throw new ConflictError(comment.authorId !== ctx.actor.userId ? "Only its author can remove a comment." : "This comment was already removed.");
  }
  await updateComment(ctx.tx, comment.id, { body: "", removedAt: ctx.now });
  await appendEvent(ctx.tx, {
    at: ctx.now,
    teamId: ctx.teamId,
    decisionId: ctx.decision.id,
    actorId: ctx.actor.userId,
    type: "comment.removed",
    payload: { commentId: comment.id },
  });
}
