/**
 * The `live` measurement: how long after a save on one instance a page connected to another
 * instance hears of it. An event stream is held open on instance B for the scoring decision (the
 * stream a decision page opens), and a member's sheet is saved on instance A, one save after
 * another; for each, the time from sending the save to receiving its event on B. Both instances
 * run the same build on the one database: the event goes A → PostgreSQL (NOTIFY) → B (LISTEN) →
 * the stream.
 */
import { performance } from "node:perf_hooks";
import type { CapturedSave } from "./capture";

export type LiveMeasured = { saves: number; p50: number; p95: number; p99: number; max: number; errors: number; bytes: number };

type Heard = { id: number; type: string; at: number };

/** Reads an event stream as it arrives, frame by frame. */
async function openStream(url: string, cookie: string, signal: AbortSignal) {
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal });
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    throw new Error(`the live stream on ${url} answered ${response.status} ${response.headers.get("content-type")}`);
  }
  const heard: Heard[] = [];
  let opened = false;
  let wake = (): void => {};
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = "";
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const at = performance.now();
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes(": live")) opened = true;
          const id = /^id: (\d+)$/m.exec(frame);
          const type = /^event: (.+)$/m.exec(frame);
          if (id && type) heard.push({ id: Number(id[1]), type: type[1]!, at });
        }
        wake();
      }
    } catch {
      // hung up
    }
  })();
  /** Resolves with the first event heard after `index` events, or null after `timeoutMs`. */
  const next = async (index: number, timeoutMs: number): Promise<Heard | null> => {
    const until = performance.now() + timeoutMs;
    while (heard.length <= index) {
      const left = until - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => (clearTimeout(timer), resolve());
      });
    }
    return heard[index]!;
  };
  const ready = async () => {
    const until = performance.now() + 10_000;
    while (!opened && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
    if (!opened) throw new Error("the live stream sent nothing within 10 s");
  };
  return { heard, next, ready };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/**
 * `saves` saves of `save` (replayed on instance A with `cookie`), one after another, each timed to
 * its event on the stream at `streamUrl` (instance B, read as `watcherCookie`). A save that fails,
 * or whose event does not arrive within `timeoutMs`, counts as an error. `warmUp` saves go first, untimed.
 */
export async function measureLive(options: {
  save: CapturedSave;
  cookie: string;
  streamUrl: string;
  watcherCookie: string;
  saves: number;
  warmUp: number;
  timeoutMs: number;
}): Promise<LiveMeasured> {
  const hangUp = new AbortController();
  try {
    const stream = await openStream(options.streamUrl, options.watcherCookie, hangUp.signal);
    await stream.ready();
    const times: number[] = [];
    let errors = 0;
    let bytes = 0;
    for (let i = 0; i < options.warmUp + options.saves; i++) {
      const index = stream.heard.length;
      const sent = performance.now();
      const response = await fetch(options.save.url, {
        method: options.save.method,
        headers: { ...options.save.headers, cookie: options.cookie },
        body: new Uint8Array(options.save.body),
      });
      const body = await response.text();
      bytes += body.length;
      const event = await stream.next(index, options.timeoutMs);
      const ok = response.ok && body.includes('"ok":true') && event !== null && event.type.startsWith("scores.");
      if (i < options.warmUp) continue;
      if (ok) times.push(event.at - sent);
      else errors++;
      // Anything else heard meanwhile would be mistaken for the next save's event.
      if (stream.heard.length > index + 1) errors += stream.heard.length - index - 1;
    }
    times.sort((x, y) => x - y);
    return {
      saves: options.saves,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times.at(-1) ?? Number.NaN,
      errors,
      bytes: bytes / (options.warmUp + options.saves),
    };
  } finally {
    hangUp.abort();
  }
}
