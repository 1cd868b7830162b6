import { and, eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { listThread } from "../../db/queries/comments";
import { comments, notifications } from "../../db/schema";
import { COMMENT_EDIT_WINDOW_MS, SEALED_DISCUSSION_MESSAGE } from "../../lib/domain/discussion";
import { AppError, ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import { decisionIn, ensureCatalog } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers, type TestUser } from "../support/factories";
import { fanOutSettled } from "../support/fan-out";
import { eventsOfDecision, rejectionOf } from "../support/inspect";
import { addComment, editComment, removeComment } from "../support/use-cases";

describeEachDriver("discussion threads", (ctx) => {
  let u: Record<"owner" | "ana" | "ben" | "viewer" | "outsider", TestUser>;
  let teamId: string;
  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    u = await createUsers(ctx.db, ["owner", "ana", "ben", "viewer", "outsider"]);
    teamId = (await createTeamWith(ctx.db, { owner: u.owner, member: [u.ana, u.ben], viewer: u.viewer })).id;
    await createTeamWith(ctx.db, { owner: u.outsider });
  });
  const thread = (decisionId: string, optionId: string | null = null) => listThread(ctx.db, { teamId, decisionId, optionId }, { limit: 50 });

  test("members comment on the decision and on an option; a mention is told to that member only, once", async () => {
    const fx = await decisionIn(ctx.db, "scoring", u.owner.id, teamId);
    const option = fx.options[0]!;
    await addComment(ctx.db, u.ana.id, { teamId, decisionId: fx.decisionId, body: `What about hosting? @${u.ben.name} knows. **Bold** <script>x</script>` });
    await addComment(ctx.db, u.ben.id, { teamId, decisionId: fx.decisionId, optionId: option.id, body: `Its docs are thin, @${u.ana.name} @${u.ben.name}` });

    expect((await thread(fx.decisionId)).comments.map((c) => [c.authorName, c.body])).toEqual([
      [u.ana.name, `What about hosting? @${u.ben.name} knows. **Bold** <script>x</script>`],
    ]);
    expect((await thread(fx.decisionId, option.id)).comments.map((c) => [c.authorName, c.optionName])).toEqual([[u.ben.name, option.name]]);
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).slice(-2).map((e) => e.type)).toEqual(["comment.added", "comment.added"]);

    await fanOutSettled(ctx.db);
    const told = async (user: TestUser) =>
      (
        await ctx.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "mentioned")))
      ).map((n) => [n.title, n.path]);
    const decisionPath = `/teams/${teamId}/decisions/${fx.decisionId}`;
    expect(await told(u.ben)).toEqual([[`You were mentioned in the discussion of “${fx.decision.title}”`, `${decisionPath}#discussion`]]);
    expect(await told(u.ana)).toEqual([
      [`You were mentioned in the discussion of ${option.name} on “${fx.decision.title}”`, `${decisionPath}/options/${option.id}`],
    ]);
    expect(await told(u.owner)).toEqual([]);
  });

  test("before the reveal a comment may not quote a score; after it, it may", async () => {
    const scoring = await decisionIn(ctx.db, "scoring", u.owner.id, teamId);
    const error = await rejectionOf(addComment(ctx.db, u.ana.id, { teamId, decisionId: scoring.decisionId, body: "I gave it 4/5" }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ body: SEALED_DISCUSSION_MESSAGE });
    expect((await thread(scoring.decisionId)).comments).toEqual([]);

    const revealed = await decisionIn(ctx.db, "revealed", u.owner.id, teamId);
    await addComment(ctx.db, u.ana.id, { teamId, decisionId: revealed.decisionId, body: "I gave it 4/5" });
    expect((await thread(revealed.decisionId)).comments).toHaveLength(1);
  });

  test("its author edits for 15 minutes and removes at any time; nobody else does either", async () => {
    const fx = await decisionIn(ctx.db, "weighting", u.owner.id, teamId);
    const written = new Date();
    await addComment(ctx.db, u.ana.id, { teamId, decisionId: fx.decisionId, body: "First thought" }, written);
    const [comment] = (await thread(fx.decisionId)).comments;
    const ref = { teamId, decisionId: fx.decisionId, commentId: comment!.id };

    await expect(editComment(ctx.db, u.ben.id, { ...ref, body: "Hijacked" })).rejects.toThrow(ConflictError);
    await editComment(ctx.db, u.ana.id, { ...ref, body: "Second thought" }, new Date(written.getTime() + 60_000));
    await expect(editComment(ctx.db, u.ana.id, { ...ref, body: "Too late" }, new Date(written.getTime() + COMMENT_EDIT_WINDOW_MS + 1))).rejects.toThrow(
      "A comment can be edited for 15 minutes after it is written.",
    );
    await expect(removeComment(ctx.db, u.owner.id, ref)).rejects.toThrow("Only its author can remove a comment.");
    expect((await thread(fx.decisionId)).comments[0]).toMatchObject({ body: "Second thought", removedAt: null });

    await removeComment(ctx.db, u.ana.id, ref);
    const [removed] = (await thread(fx.decisionId)).comments;
    expect(removed!.body).toBe("");
    expect(removed!.removedAt).not.toBeNull();
    expect((await eventsOfDecision(ctx.db, fx.decisionId)).slice(-3).map((e) => e.type)).toEqual(["comment.added", "comment.edited", "comment.removed"]);
    await expect(removeComment(ctx.db, u.ana.id, ref)).rejects.toThrow(ConflictError);
  });

  test("viewers and outsiders cannot comment; an option of a draft or of another decision is refused", async () => {
    const fx = await decisionIn(ctx.db, "scoring", u.owner.id, teamId);
    await expect(addComment(ctx.db, u.viewer.id, { teamId, decisionId: fx.decisionId, body: "Hi" })).rejects.toThrow(ForbiddenError);
    await expect(addComment(ctx.db, u.outsider.id, { teamId, decisionId: fx.decisionId, body: "Hi" })).rejects.toThrow(NotFoundError);
    const other = await decisionIn(ctx.db, "scoring", u.owner.id, teamId);
    await expect(addComment(ctx.db, u.ana.id, { teamId, decisionId: fx.decisionId, optionId: other.options[0]!.id, body: "Hi" })).rejects.toThrow(
      NotFoundError,
    );
    const draft = await decisionIn(ctx.db, "draft", u.owner.id, teamId);
    await expect(addComment(ctx.db, u.ana.id, { teamId, decisionId: draft.decisionId, optionId: draft.options[0]!.id, body: "Hi" })).rejects.toThrow(
      ConflictError,
    );
    expect(await ctx.db.select().from(comments).where(eq(comments.decisionId, fx.decisionId))).toEqual([]);
  });
});
