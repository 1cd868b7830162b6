import { z } from "zod";
import { historyFilterSchema } from "./decision";

// What the address bar may say about which part of a long list to show. Anything unreadable
// shows the start of the list rather than an error: these come from links, and from hand edits.

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A page number from 1; anything else is the first page. */
const pageNumber = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1);

/** An event id to show the timeline before; anything else is the latest events. */
const eventCursor = z.preprocess(first, z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional()).catch(undefined);

/** A comment's time to show a thread before; anything else is the latest comments. */
const commentCursor = z.preprocess(first, z.iso.datetime().optional()).catch(undefined);

/** A member just removed (their user id), to announce on the team page; anything else announces nothing. */
const removedMember = z.preprocess(first, z.uuid().optional()).catch(undefined);

const decisionPageQuerySchema = z.object({ before: eventCursor, voters: pageNumber, commentsBefore: commentCursor });
const threadQuerySchema = z.object({ commentsBefore: commentCursor });
export const threadQuery = (params: SearchParams) => threadQuerySchema.parse(params);
const teamPageQuerySchema = z.object({ members: pageNumber, invites: pageNumber, removed: removedMember });
const decisionLogQuerySchema = historyFilterSchema.extend({ page: pageNumber });

const inboxQuerySchema = z.object({ page: pageNumber });
export const inboxQuery = (params: SearchParams) => inboxQuerySchema.parse(params);

export type DecisionPageQuery = z.infer<typeof decisionPageQuerySchema>;
export type TeamPageQuery = z.infer<typeof teamPageQuerySchema>;
export type DecisionLogQuery = z.infer<typeof decisionLogQuerySchema>;

export const decisionPageQuery = (params: SearchParams): DecisionPageQuery => decisionPageQuerySchema.parse(params);
export const teamPageQuery = (params: SearchParams): TeamPageQuery => teamPageQuerySchema.parse(params);
export const decisionLogQuery = (params: SearchParams): DecisionLogQuery =>
  decisionLogQuerySchema.parse({ status: first(params.status), q: first(params.q), page: params.page });
