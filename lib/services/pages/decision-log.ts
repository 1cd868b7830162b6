import "server-only";
import type { Executor } from "../../../db/client";
import { countDecisions, type DecisionListFilter, listDecisions, type RowWindow } from "../../../db/queries/decisions";
import { effectiveStatus } from "../../domain/phases";
import type { DecisionLogQuery } from "../../validation/page-query";
import type { TeamView } from "../access";
import { pageInfo, pageWindow } from "./paging";

// The team's decision log: one page at a time, filtered and counted in the database by the status
// the deadlines make (not the one last written) and by title.

export const LOG_PAGE = 25;

/** Decisions of the log, each with the status its passed deadlines give it at `now`. */
export async function decisionLogRows(db: Executor, teamId: string, filter: DecisionListFilter, window: RowWindow, now: Date) {
  const rows = await listDecisions(db, teamId, filter, window, now);
  return rows.map((row) => ({ ...row, effectiveStatus: effectiveStatus(row, now) }));
}

export type DecisionLogRow = Awaited<ReturnType<typeof decisionLogRows>>[number];

export async function decisionLogData(view: TeamView, query: DecisionLogQuery) {
  const { db, teamId, now } = view;
  const filter = { status: query.status, q: query.q || undefined };
  const [decisions, total] = await Promise.all([
    decisionLogRows(db, teamId, filter, pageWindow(query.page, LOG_PAGE), now),
    countDecisions(db, teamId, filter, now),
  ]);
  return { team: { name: view.teamName }, filter, decisions, ...pageInfo(query.page, LOG_PAGE, total) };
}
