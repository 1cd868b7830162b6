import "server-only";
import type { DbHandle } from "../../db/client";
import { listLiveEventsAfter } from "../../db/queries/events";
import { NOTIFICATIONS_CHANNEL } from "../../db/queries/notifications";
import { classifyDatabaseError } from "../database-unavailable";

// One LISTEN per process, fanned out to this process's live streams. Every event insert is
// announced by the database (migration 0009), so every app server on the database hears every
// event, whoever wrote it. The announcement names the event only: id, team, decision and type.

export const EVENTS_CHANNEL = "verdict_events";
/** How many missed events one catch-up sends at most: the latest ones, since each only says "refresh". */
export const CATCH_UP_LIMIT = 200;

/** What a live page is told: which event happened, never what it holds. */
export type LiveEvent = { id: number; type: string };
/** What a stream follows: one decision of the team, or (decisionId null) every event of the team. */
export type LiveScope = { teamId: string; decisionId: string | null };

type Announcement = LiveEvent & { teamId: string; decisionId: string | null };

/** Whose stream it is: their new unread counts (NOTIFICATIONS_CHANNEL) reach their own streams only. */
export type LiveViewer = { userId: string; onUnread: (unread: number) => void };

type Subscriber = LiveScope & {
  viewer?: LiveViewer;
  /** The highest event id this subscriber has been sent; a catch-up starts after it. */
  lastId: number;
  /** Recently sent ids, so an event is not sent twice when a catch-up and its notification cross. */
  recent: number[];
  send: (event: LiveEvent) => void;
};

export type LiveHub = {
  /**
   * Sends `send` the scope's events after the event `after` (at most CATCH_UP_LIMIT, the
   * latest), then every new one as it is announced; with no `after`, only the new ones. Resolves,
   * once listening, to the unsubscribe function.
   */
  subscribe: (scope: LiveScope, after: number | null, send: (event: LiveEvent) => void, viewer?: LiveViewer) => Promise<() => void>;
};

function parseAnnouncement(payload: string): Announcement | null {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const { id, teamId, decisionId, type } = value;
    if (typeof id !== "number" || typeof teamId !== "string" || typeof type !== "string") return null;
    if (decisionId !== null && typeof decisionId !== "string") return null;
    return { id, teamId, decisionId, type };
  } catch {
    return null;
  }
}

function parseUnread(payload: string): { userId: string; unread: number } | null {
  try {
    const { userId, unread } = JSON.parse(payload) as Record<string, unknown>;
    return typeof userId === "string" && typeof unread === "number" && Number.isInteger(unread) && unread >= 0 ? { userId, unread } : null;
  } catch {
    return null;
  }
}

const RECENT = 64;

/** A team stream hears every event of its team; a decision stream, its decision's only. */
function inScope(scope: LiveScope, event: Announcement): boolean {
  return scope.teamId === event.teamId && (scope.decisionId === null || scope.decisionId === event.decisionId);
}

function deliver(subscriber: Subscriber, event: LiveEvent): void {
  if (subscriber.recent.includes(event.id)) return;
  subscriber.recent.push(event.id);
  if (subscriber.recent.length > RECENT) subscriber.recent.shift();
  subscriber.lastId = Math.max(subscriber.lastId, event.id);
  try {
    subscriber.send({ id: event.id, type: event.type });
  } catch {
    // A stream that has just closed; its own abort handler unsubscribes it.
  }
}

export function createLiveHub(handle: Pick<DbHandle, "db" | "listen">): LiveHub {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<unknown> | null = null;
  let established = 0;

  function onNotify(payload: string) {
    const event = parseAnnouncement(payload);
    if (!event) return;
    for (const subscriber of subscribers) if (inScope(subscriber, event)) deliver(subscriber, event);
  }

  function onUnread(payload: string) {
    const count = parseUnread(payload);
    if (!count) return;
    for (const subscriber of subscribers) {
      if (subscriber.viewer?.userId !== count.userId) continue;
      try {
        subscriber.viewer.onUnread(count.unread);
      } catch {
        // A stream that has just closed; its own abort handler unsubscribes it.
      }
    }
  }

  /** After a reconnect: whatever was appended while the LISTEN was down, per scope, from the table. */
  async function catchUp() {
    const byScope = new Map<string, Subscriber[]>();
    for (const subscriber of subscribers) {
      const key = `${subscriber.teamId}/${subscriber.decisionId ?? "*"}`;
      byScope.set(key, [...(byScope.get(key) ?? []), subscriber]);
    }
    for (const group of byScope.values()) {
      const after = Math.min(...group.map((s) => s.lastId));
      const missed = await listLiveEventsAfter(handle.db, group[0]!, after, CATCH_UP_LIMIT);
      for (const event of missed) for (const subscriber of group) if (event.id > subscriber.lastId) deliver(subscriber, event);
    }
  }

  function onListen() {
    established += 1;
    // The first LISTEN has nothing to catch up on; each later one follows a lost connection.
    if (established > 1) catchUp().catch((error: unknown) => console.error("[verdict] live catch-up failed", error));
  }

  function listen(): Promise<unknown> {
    listening ??= handle.listen(EVENTS_CHANNEL, onNotify, onListen).catch((error: unknown) => {
      // Not kept: the next subscriber tries again, so live pages heal once the database is back.
      listening = null;
      throw classifyDatabaseError(error);
    });
    return listening;
  }

  let listeningUnread: Promise<unknown> | null = null;
  /**
   * The unread counts' channel, on the same LISTEN connection, from the first stream that has a
   * viewer. A count announced while it was down is not caught up: the next page shows the count.
   */
  function listenUnread(): Promise<unknown> {
    listeningUnread ??= handle
      .listen(NOTIFICATIONS_CHANNEL, onUnread, () => {})
      .catch((error: unknown) => {
        listeningUnread = null;
        throw classifyDatabaseError(error);
      });
    return listeningUnread;
  }

  return {
    async subscribe(scope, after, send, viewer) {
      await listen();
      if (viewer) await listenUnread();
      const subscriber: Subscriber = { teamId: scope.teamId, decisionId: scope.decisionId, viewer, lastId: after ?? 0, recent: [], send };
      subscribers.add(subscriber);
      try {
        if (after === null) {
          // A fresh page: nothing to send yet, only where a later catch-up starts.
          const [latest] = await listLiveEventsAfter(handle.db, scope, 0, 1);
          subscriber.lastId = Math.max(subscriber.lastId, latest?.id ?? 0);
        } else {
          // Read after the LISTEN is in place, so an event is either in this read or announced.
          for (const event of await listLiveEventsAfter(handle.db, scope, after, CATCH_UP_LIMIT)) deliver(subscriber, event);
        }
      } catch (error) {
        subscribers.delete(subscriber);
        throw error;
      }
      return () => {
        subscribers.delete(subscriber);
      };
    },
  };
}
