import "server-only";
import { cache } from "react";
import { evidenceLinks, findOption, listThread } from "../../../db/queries/comments";
import type { DecisionView } from "../access";

export const OPTION_COMMENTS_PAGE = 30;

/** The decision's option, read once per request for the page and its title. */
export const decisionOption = cache(findOption);

/** An option's thread page: the option, its comments a page at a time, and, once revealed, the evidence given with its scores. */
export async function optionThreadData(view: DecisionView, optionId: string, query: { commentsBefore?: string }) {
  const { db, teamId, decision } = view;
  const sealed = decision.status !== "revealed" && decision.status !== "decided";
  const [option, thread, evidence] = await Promise.all([
    decisionOption(db, decision.id, optionId),
    listThread(
      db,
      { teamId, decisionId: decision.id, optionId },
      { limit: OPTION_COMMENTS_PAGE, before: query.commentsBefore ? new Date(query.commentsBefore) : undefined },
    ),
    sealed ? Promise.resolve([]) : evidenceLinks(db, decision.id, optionId),
  ]);
  if (!option) return null;
  return { option, thread, sealed, evidence };
}
