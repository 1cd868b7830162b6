import { textResponse } from "@/lib/exports/http";
import { decisionRoute } from "@/lib/entry/routes";
import { liveHub, liveResponse } from "@/lib/live";
import { liveCursor } from "@/lib/validation/live";

/**
 * The decision's events as Server-Sent Events, for its open pages: id and type only, so nothing
 * sealed travels. Starts after Last-Event-ID (a reconnect) or ?after= (the page's last event).
 */
export const GET = decisionRoute("decision.view", "Sign in to follow this decision live.", async (request, view, params) => {
  const cursor = liveCursor(request.headers.get("last-event-id"), new URL(request.url).searchParams.get("after"));
  if (!cursor.ok) return textResponse(400, cursor.message);
  return liveResponse(
    await liveHub(),
    { teamId: params.teamId, decisionId: view.decision.id },
    cursor.after,
    request.signal,
    view.stillAllowed,
    view.actor.userId,
  );
});
