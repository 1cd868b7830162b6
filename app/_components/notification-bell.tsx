"use client";

import { Link } from "@/app/_components/link";
import { useEffect, useRef, useState } from "react";
import { UNREAD_WINDOW_EVENT } from "@/lib/domain/live-updates";

/**
 * The header's bell: a link to the inbox, with the unread count in its name and on a badge. On a
 * page with a live stream the count follows new notifications (the stream passes them on as a
 * window event) and a polite live region says so; elsewhere it is the count the page was rendered with.
 */
export function NotificationBell({ unread: rendered }: { unread: number }) {
  // A count heard live holds until the page renders again with a newer count of its own.
  const [heard, setHeard] = useState<{ over: number; unread: number } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const unread = heard && heard.over === rendered ? heard.unread : rendered;
  const shownNow = useRef(unread);
  useEffect(() => {
    shownNow.current = unread;
  }, [unread]);

  useEffect(() => {
    const onUnread = (event: Event) => {
      const count = (event as CustomEvent<unknown>).detail;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return;
      // Only a rise is news; a count that fell (read in another tab) just updates quietly.
      if (count > shownNow.current) setAnnouncement(`New notification: ${count} unread`);
      setHeard({ over: rendered, unread: count });
    };
    window.addEventListener(UNREAD_WINDOW_EVENT, onUnread);
    return () => window.removeEventListener(UNREAD_WINDOW_EVENT, onUnread);
  }, [rendered]);

  const shown = unread > 99 ? "99+" : String(unread);
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <>
      <Link
        href="/notifications"
        aria-label={label}
        title={label}
        className="relative inline-flex h-9 w-9 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 hover:text-brand-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="unread-count"
            className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {shown}
          </span>
        ) : null}
      </Link>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
