// Rules of the discussion threads: who may change a comment and until when, who a comment
// mentions, and what a comment may not say before the reveal.

export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000;
export const COMMENT_MAX_LENGTH = 5000;

export type CommentState = { authorId: string; createdAt: Date; removedAt: Date | null };

/** Its author may edit a comment for 15 minutes after writing it, unless it was removed. */
export function mayEditComment(comment: CommentState, userId: string, now: Date): boolean {
  return comment.authorId === userId && comment.removedAt === null && now.getTime() - comment.createdAt.getTime() <= COMMENT_EDIT_WINDOW_MS;
}

/** Its author may remove a comment at any time. */
export function mayRemoveComment(comment: CommentState, userId: string): boolean {
  return comment.authorId === userId && comment.removedAt === null;
}

const NAME_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * The members a comment mentions: "@" followed by a member's name, in any case, not running on into
 * more letters ("@Ana" does not mention Anabel). Longer names are tried first, so "@Ana Lee" is Ana
 * Lee even when someone is called Ana. The author is never told of mentioning themself.
 */
export function mentionedMembers(body: string, members: readonly { userId: string; name: string }[], authorId: string): string[] {
  const byLength = [...members].filter((m) => m.name.trim().length > 0).sort((a, b) => b.name.length - a.name.length);
  const lower = body.toLocaleLowerCase("en");
  const found = new Set<string>();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    // An address such as ana@example.com is not a mention.
    if (at > 0 && NAME_CHAR.test(body[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const member = byLength.find((m) => {
      const name = m.name.trim().toLocaleLowerCase("en");
      return rest.startsWith(name) && !NAME_CHAR.test(rest.charAt(name.length));
    });
    if (member && member.userId !== authorId) found.add(member.userId);
  }
  return [...found];
}

// "4/5", "4 out of 5", "scored it 4", "gave Flask a 2", "weighted it 8", "3 stars": how a score or
// a weight is usually quoted. A comment before the reveal says why, not how much.
const QUOTED_VALUE = [
  /\b(?:[0-9]|10)\s*\/\s*(?:5|10)\b/i,
  /\b(?:[0-9]|10)\s+out\s+of\s+(?:5|10)\b/i,
  /\b(?:scored|scoring|score|rated|rating|rate|gave|give|giving|weighted|weighting|weight)\b(?:\s+(?:it|them|this|that|[\p{L}.]+)){0,3}\s+(?:an?\s+)?(?:[0-9]|10)\b(?!\s*(?:%|x\b|weeks?|days?|hours?|months?|years?|minutes?|people|devs?|engineers?))/iu,
  /\b[1-5]\s*(?:stars?|★)/i,
];

/** Whether a comment quotes a score or a weight, which may not be shared before the reveal. */
export function quotesAValue(body: string): boolean {
  return QUOTED_VALUE.some((pattern) => pattern.test(body));
}

export const SEALED_DISCUSSION_MESSAGE = "Until the reveal, keep scores and weights out of the discussion: say why, not how much.";
