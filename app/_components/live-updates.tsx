"use client";

import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  endsSheetPhase,
  LIVE_EVENT_TYPES,
  liveAnnouncement,
  type LiveSheet,
  sheetClosedNotice,
  teamPageIgnores,
  UNREAD_EVENT,
  UNREAD_WINDOW_EVENT,
} from "@/lib/domain/live-updates";

/** Events within this long of each other cause one refresh. */
const DEBOUNCE_MS = 300;
/**
 * A page refreshes at most this often, however busy the decision: when a whole team saves at once,
 * every open page re-rendering on every save would cost the server a page per save per reader.
 */
const MIN_REFRESH_INTERVAL_MS = 2_000;

/**
 * Keeps an open page current: events on the live stream at `url` (a decision's or a team's)
 * refresh the page (its server components read again; what a person typed stays), at most every
 * two seconds, and a polite live region says what changed. An open sheet (`sheet`) shows only its
 * owner's values, so others' saves leave it alone; an event that ends its phase does not refresh
 * it either: the sheet stays as typed and a notice says so. Reconnecting is EventSource's own, from the last event
 * id it saw. Without JavaScript it renders nothing visible and the page works as before.
 */
export function LiveUpdates({
  url,
  after,
  phase = null,
  sheet,
  decisionHref,
  ignoreBallots = false,
}: {
  /** The stream, without its query: decisionLiveUrl or teamLiveUrl. */
  url: string;
  /** The scope's latest event when the page was rendered: the stream starts after it. */
  after: number;
  /** The phase the page shows, read after a refresh to word a phase change; none on a team page. */
  phase?: string | null;
  /** Set on a weight or score sheet that is open for editing. */
  sheet?: LiveSheet;
  /** Where a sheet whose phase ended sends the person: the decision's page. */
  decisionHref?: string;
  /** A page that shows no progress (the team page) is not refreshed for saved weights and scores, nor reminders. */
  ignoreBallots?: boolean;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const [closed, setClosed] = useState<string | null>(null);
  // Where the stream starts is fixed by the first render; later renders come from refreshes.
  const [start] = useState(after);
  const unannounced = useRef<string[]>([]);

  useEffect(() => {
    const heard: string[] = [];
    let source: EventSource | undefined;
    let last = start;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRefresh = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(retry);
      source?.close();
      document.removeEventListener("visibilitychange", onVisibility);
    };
    // A hidden tab lets go of its stream (a browser allows only a few connections per site over
    // HTTP/1.1) and, shown again, opens one from the last event it saw, catching up.
    const onVisibility = () => {
      if (stopped) return;
      if (document.hidden) {
        clearTimeout(retry);
        source?.close();
        source = undefined;
      } else if (!source) {
        connect();
      }
    };
    const onEvent = (event: MessageEvent<string>) => {
      const type = event.type;
      last = Number(event.lastEventId) || last;
      if (ignoreBallots && teamPageIgnores(type)) return;
      if (sheet && endsSheetPhase(type)) {
        // The sheet is left exactly as typed; the person decides when to look at the new state.
        stop();
        const notice = sheetClosedNotice(sheet);
        setClosed(notice);
        setAnnouncement(notice);
        return;
      }
      if (sheet) return;
      heard.push(type);
      clearTimeout(timer);
      const wait = Math.max(DEBOUNCE_MS, lastRefresh + MIN_REFRESH_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        lastRefresh = Date.now();
        unannounced.current.push(...heard.splice(0));
        startRefresh(() => router.refresh());
      }, wait);
    };
    // The viewer's unread count rides on this stream; the bell hears it through the window.
    const onUnread = (event: MessageEvent<string>) => {
      try {
        const { unread } = JSON.parse(event.data) as { unread?: unknown };
        if (typeof unread === "number") window.dispatchEvent(new CustomEvent(UNREAD_WINDOW_EVENT, { detail: unread }));
      } catch {
        // Not a count: ignored.
      }
    };
    const connect = () => {
      const opened = new EventSource(`${url}?after=${last}`);
      source = opened;
      opened.onopen = () => {
        failures = 0;
      };
      // A dropped connection EventSource retries itself, sending Last-Event-ID; an answer other than
      // a stream (a 503 while the database is down) ends it for good, so try again later from `last`.
      opened.onerror = () => {
        if (stopped || opened.readyState !== EventSource.CLOSED) return;
        failures += 1;
        retry = setTimeout(connect, Math.min(60_000, 5_000 * 2 ** (failures - 1)));
      };
      for (const type of LIVE_EVENT_TYPES) opened.addEventListener(type, onEvent);
      opened.addEventListener(UNREAD_EVENT, onUnread);
    };
    document.addEventListener("visibilitychange", onVisibility);
    if (!document.hidden) connect();
    return stop;
  }, [url, start, sheet, ignoreBallots, router]);

  // Once the refreshed page is in, say what changed, worded by the phase it now shows.
  useEffect(() => {
    if (refreshing || unannounced.current.length === 0) return;
    const text = liveAnnouncement(unannounced.current.splice(0), phase);
    if (text) setAnnouncement(text);
  }, [refreshing, phase]);

  return (
    <>
      {closed ? (
        <div className="sticky top-2 z-10 mb-6 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <p>{closed}</p>
          {decisionHref ? (
            <p className="mt-1">
              <Link href={decisionHref} className="font-medium underline">
                See where the decision is now
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
