import "server-only";
import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { comments, memberships, options, scores, users } from "../schema";

export async function insertComment(db: Executor, comment: typeof comments.$inferInsert): Promise<string> {
  const [row] = await db.insert(comments).values(comment).returning({ id: comments.id });
  return row!.id;
}

/** A comment of the decision, locked for a change; null if it is not this decision's. */
export async function findCommentForUpdate(db: Executor, decisionId: string, commentId: string) {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.decisionId, decisionId)))
    .for("update");
  return row ?? null;
}

export async function updateComment(db: Executor, commentId: string, set: Partial<typeof comments.$inferInsert>): Promise<void> {
  await db.update(comments).set(set).where(eq(comments.id, commentId));
}

/** An option of the decision, by id; null if it is not this decision's. */
export async function findOption(db: Executor, decisionId: string, optionId: string) {
  const [row] = await db
    .select({ id: options.id, name: options.name, description: options.description, link: options.link })
    .from(options)
    .where(and(eq(options.id, optionId), eq(options.decisionId, decisionId)));
  return row ?? null;
}

/** The team's members' names, to find who a comment mentions. */
export async function memberNames(db: Executor, teamId: string) {
  return db
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId));
}

export type ThreadComment = {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  optionName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  removedAt: Date | null;
};

/**
 * The latest `limit` comments of a thread before `before` (a comment id), oldest first, and whether
 * there are earlier ones: the decision's own thread when optionId is null.
 */
export async function listThread(db: Executor, where: { teamId: string; decisionId: string; optionId: string | null }, page: { limit: number; before?: Date }) {
  const rows = await db
    .select({
      id: comments.id,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      optionName: comments.optionName,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      removedAt: comments.removedAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.teamId, where.teamId),
        eq(comments.decisionId, where.decisionId),
        where.optionId === null ? isNull(comments.optionId) : eq(comments.optionId, where.optionId),
        page.before ? lt(comments.createdAt, page.before) : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(page.limit + 1);
  return { comments: rows.slice(0, page.limit).reverse() as ThreadComment[], hasEarlier: rows.length > page.limit };
}

/** Evidence links the members gave with their scores of an option, newest round first; only read once revealed. */
export async function evidenceLinks(db: Executor, decisionId: string, optionId: string) {
  return db
    .selectDistinct({ url: scores.evidenceUrl, name: users.name, round: scores.round })
    .from(scores)
    .innerJoin(users, eq(users.id, scores.userId))
    .where(and(eq(scores.decisionId, decisionId), eq(scores.optionId, optionId), sql`${scores.evidenceUrl} is not null and ${scores.evidenceUrl} <> ''`))
    .orderBy(desc(scores.round), asc(users.name))
    .limit(50);
}
