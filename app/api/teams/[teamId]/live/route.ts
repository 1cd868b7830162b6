import { textResponse } from "@/lib/exports/http";
import { teamRoute } from "@/lib/entry/routes";
import { liveHub, liveResponse } from "@/lib/live";
import { liveCursor } from "@/lib/validation/live";

/**
 * Every event of the team as Server-Sent Events, for its open team page: its own and its
 * decisions', id and type only, so nothing sealed travels. Starts after Last-Event-ID (a
 * reconnect) or ?after= (the page's last event).
 */
export const GET = teamRoute("team.view", "Sign in to follow this team live.", async (request, view) => {
  const cursor = liveCursor(request.headers.get("last-event-id"), new URL(request.url).searchParams.get("after"));
  if (!cursor.ok) return textResponse(400, cursor.message);
  return liveResponse(await liveHub(), { teamId: view.teamId, decisionId: null }, cursor.after, request.signal, view.stillAllowed, view.actor.userId);
});
