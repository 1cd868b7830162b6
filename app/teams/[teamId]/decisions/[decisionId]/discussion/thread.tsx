import { Link } from "@/app/_components/link";
import { pageHref } from "@/app/_components/pager";
import { CommentMarkdown } from "@/app/_components/markdown";
import { Time } from "@/app/_components/time";
import { Card, CardTitle } from "@/app/_components/ui";
import type { ThreadComment } from "@/db/queries/comments";
import { mayEditComment, mayRemoveComment, SEALED_DISCUSSION_MESSAGE } from "@/lib/domain/discussion";
import { AddCommentForm, EditCommentForm, RemoveCommentForm } from "./comment-forms";

export type ThreadProps = {
  teamId: string;
  decisionId: string;
  optionId: string | null;
  title: string;
  comments: ThreadComment[];
  /** Where "Show earlier comments" leads, when there are any. */
  earlierHref: string | null;
  userId: string;
  now: Date;
  mayComment: boolean;
  sealed: boolean;
  children?: React.ReactNode;
};

/** Where a thread's earlier comments are, when a page shows only the latest. */
export function earlierCommentsHref(path: string, thread: { comments: ThreadComment[]; hasEarlier: boolean }): string | null {
  const oldest = thread.comments[0];
  return thread.hasEarlier && oldest ? pageHref(path, { commentsBefore: oldest.createdAt.toISOString() }, "discussion") : null;
}

/** A discussion thread: the comments, oldest first, and the box to add one. */
export function Thread({ teamId, decisionId, optionId, title, comments, earlierHref, userId, now, mayComment, sealed, children }: ThreadProps) {
  const hint = `Markdown works: **bold**, _italic_, lists, links. Mention someone with @ and their name.${sealed ? ` ${SEALED_DISCUSSION_MESSAGE}` : ""}`;
  return (
    <Card id="discussion" aria-labelledby="discussion-heading">
      <CardTitle id="discussion-heading">{title}</CardTitle>
      {children}
      {earlierHref ? (
        <Link href={earlierHref} className="mb-3 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">
          Show earlier comments
        </Link>
      ) : null}
      {comments.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No comments yet.</p>
      ) : (
        <ol className="space-y-4">
          {comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`}>
              <article aria-label={`Comment by ${comment.authorName}`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
                  <span className="font-semibold text-slate-800 dark:text-slate-200">{comment.authorName}</span> · <Time date={comment.createdAt} />
                  {comment.editedAt && !comment.removedAt ? " · edited" : ""}
                  {comment.optionName && !optionId ? ` · about ${comment.optionName}` : ""}
                </p>
                {comment.removedAt ? (
                  <p className="text-sm italic text-slate-600 dark:text-slate-400">Comment removed by its author.</p>
                ) : (
                  <CommentMarkdown text={comment.body} />
                )}
                {mayRemoveComment(comment, userId) ? (
                  <div className="mt-2 flex flex-wrap items-start gap-3">
                    {mayEditComment(comment, userId, now) ? (
                      <EditCommentForm teamId={teamId} decisionId={decisionId} commentId={comment.id} body={comment.body} />
                    ) : null}
                    <RemoveCommentForm teamId={teamId} decisionId={decisionId} commentId={comment.id} />
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      {mayComment ? <AddCommentForm teamId={teamId} decisionId={decisionId} optionId={optionId} hint={hint} /> : null}
    </Card>
  );
}
