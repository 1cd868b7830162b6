import "server-only";
import { listTeamEvents } from "../../../db/queries/events";
import { historyCheckOf } from "../../../db/queries/history";
import { listInvites } from "../../../db/queries/invites";
import { trackRecordColumns, trackRecordOf } from "../../../db/queries/reviews";
import { listMembers, teamWithMemberCount } from "../../../db/queries/teams";
import { can } from "../../auth/roles";
import type { TeamPageQuery } from "../../validation/page-query";
import type { TeamView } from "../access";
import { inviteLinkFor } from "../invites";
import { TRACK_RECORD_LIMITS } from "../reviews";
import { decisionLogRows } from "./decision-log";
import { pageInfo, pageWindow } from "./paging";

// The team page: members and invite links a page at a time, the latest activity and decisions.
// Six queries after the access check, whatever the size of the team.

export const MEMBERS_PAGE = 15;
export const INVITES_PAGE = 5;
export const ACTIVITY_SHOWN = 15;
export const RECENT_DECISIONS = 5;

export async function teamPageData(view: TeamView, query: TeamPageQuery) {
  const { db, teamId, now } = view;
  const mayInvite = can(view.actor.role, "team.invite");
  const invitesWindow = pageWindow(query.invites, INVITES_PAGE);
  const [team, members, invites, activity, recentDecisions, historyCheck] = await Promise.all([
    // The track record rides on the team's row: the page has no statement to spare.
    teamWithMemberCount(db, teamId, trackRecordColumns(teamId, now, TRACK_RECORD_LIMITS)),
    listMembers(db, teamId, pageWindow(query.members, MEMBERS_PAGE)),
    // One more than a page tells whether there is a next page, without counting them all.
    mayInvite ? listInvites(db, teamId, now, { ...invitesWindow, limit: INVITES_PAGE + 1 }) : Promise.resolve([]),
    listTeamEvents(db, teamId, ACTIVITY_SHOWN),
    decisionLogRows(db, teamId, {}, { limit: RECENT_DECISIONS, offset: 0 }, now),
    historyCheckOf(db, teamId),
  ]);
  if (!team) return null;
  return {
    team,
    trackRecord: trackRecordOf(team),
    mayInvite,
    members: { rows: members, ...pageInfo(query.members, MEMBERS_PAGE, team.members) },
    // Each link opened here, for the people who may hand it out; the sealed form never leaves this function.
    invites: {
      rows: invites
        .slice(0, INVITES_PAGE)
        .map(({ tokenCiphertext, ...invite }) => ({ ...invite, link: inviteLinkFor(view.actor.role, { ...invite, tokenCiphertext }) })),
      page: query.invites,
      hasNext: invites.length > INVITES_PAGE,
    },
    activity,
    removedName: removedMemberName(activity, query.removed),
    recentDecisions,
    historyCheck,
  };
}

/**
 * Whom the address says was just removed, by name, when their removal is among the team's latest
 * activity (it is, right after): no query of its own, and no name the address could make up.
 */
function removedMemberName(activity: { type: string; payload: unknown }[], removed: string | undefined): string | null {
  if (!removed) return null;
  const event = activity.find((e) => e.type === "member.removed" && (e.payload as { userId?: unknown } | null)?.userId === removed);
  const name = (event?.payload as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? name : null;
}

export type TeamPageData = NonNullable<Awaited<ReturnType<typeof teamPageData>>>;
