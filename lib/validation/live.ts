import { z } from "zod";

// Where a live stream starts: the Last-Event-ID a reconnecting browser sends, else `?after=` from
// the page (the last event it was rendered with). Either is a plain event id; neither means "from now".

export const LIVE_CURSOR_MESSAGE = "Last-Event-ID and ?after= take an event id: digits only.";

const eventId = z
  .string()
  .regex(/^\d{1,15}$/, LIVE_CURSOR_MESSAGE)
  .transform(Number);

export type LiveCursor = { ok: true; after: number | null } | { ok: false; message: string };

export function liveCursor(lastEventId: string | null, after: string | null): LiveCursor {
  const given = lastEventId || after;
  if (!given) return { ok: true, after: null };
  const parsed = eventId.safeParse(given);
  return parsed.success ? { ok: true, after: parsed.data } : { ok: false, message: LIVE_CURSOR_MESSAGE };
}
