import "server-only";
import { UNREAD_EVENT } from "../domain/live-updates";
import { NON_PAGE_HEADERS } from "../http/security-headers";
import type { LiveEvent, LiveHub, LiveScope } from "./hub";

/** A comment line every 25 s keeps proxies and load balancers from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting, sending Last-Event-ID. */
const RETRY_MS = 3_000;

/** The viewer's unread count for the bell. No id: a reconnect's Last-Event-ID stays the last event's. */
export const unreadFrame = (unread: number) => `event: ${UNREAD_EVENT}\ndata: ${JSON.stringify({ unread })}\n\n`;

/** One Server-Sent Event: the id is the event's, so a reconnecting browser says where it was. */
export function eventFrame(event: LiveEvent): string {
  const type = event.type.replace(/[^\w.-]/g, "_");
  return `id: ${event.id}\nevent: ${type}\ndata: ${JSON.stringify({ id: event.id, type })}\n\n`;
}

const HEADERS = {
  ...NON_PAGE_HEADERS,
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: Next's gzip (and any proxy's) would hold events back to fill a block.
  "Cache-Control": "private, no-cache, no-transform",
  "X-Accel-Buffering": "no",
  "X-Content-Type-Options": "nosniff",
};

/**
 * The scope's events (a decision's, or a team's) as a text/event-stream: first those after `after` (when given), then each
 * new one, and a heartbeat. Subscribes before answering, so a database that is down is reported as
 * an error (503) rather than an empty stream. Ends when the browser goes away.
 */
export async function liveResponse(
  hub: LiveHub,
  scope: LiveScope,
  after: number | null,
  signal: AbortSignal,
  /** Asked at every heartbeat: a stream outlives the check made when it opened, so a signed-out or removed person's stream ends. */
  stillAllowed: () => Promise<boolean> = async () => true,
  /** The person the stream is for: their unread count follows along for the bell. */
  viewerId: string | null = null,
): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const pending: string[] = [];
  const write = (chunk: string) => {
    if (!controller) return void pending.push(chunk);
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      close();
    }
  };
  const viewer = viewerId ? { userId: viewerId, onUnread: (unread: number) => write(unreadFrame(unread)) } : undefined;
  const unsubscribe = await hub.subscribe(scope, after, (event) => write(eventFrame(event)), viewer);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  function close() {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // Already closed by the other side.
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${RETRY_MS}\n: live\n\n`);
      for (const chunk of pending.splice(0)) write(chunk);
      heartbeat = setInterval(() => {
        void stillAllowed().then((allowed) => (allowed ? write(": keep-alive\n\n") : close()));
      }, HEARTBEAT_MS);
      if (signal.aborted) close();
      else signal.addEventListener("abort", close, { once: true });
    },
    cancel: close,
  });
  return new Response(stream, { status: 200, headers: HEADERS });
}
