import { z } from "zod";
import { COMMENT_MAX_LENGTH } from "../domain/discussion";
import { id } from "./fields";

const body = z
  .string({ error: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_MAX_LENGTH, `Use at most ${COMMENT_MAX_LENGTH} characters for a comment`);

/** A new comment in the decision's thread, or in an option's when optionId is given. */
export const addCommentSchema = z.object({
  teamId: id("team"),
  decisionId: id("decision"),
  optionId: z.preprocess((v) => (v === "" ? undefined : v), id("option").optional()),
  body,
});
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const editCommentSchema = z.object({ teamId: id("team"), decisionId: id("decision"), commentId: id("comment"), body });
export const removeCommentSchema = z.object({ teamId: id("team"), decisionId: id("decision"), commentId: id("comment") });
