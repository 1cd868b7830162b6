import { afterEach, describe, expect, test, vi } from "vitest";
import type { LiveEvent, LiveHub } from "@/lib/live/hub";
import { eventFrame, HEARTBEAT_MS, liveResponse } from "@/lib/live/stream";

/** A hub that sends `backlog` on subscribing and records whether the stream let go of it. */
function fakeHub(backlog: LiveEvent[] = []) {
  const state: { subscribed: number; unsubscribed: number; send: (event: LiveEvent) => void } = { subscribed: 0, unsubscribed: 0, send: () => {} };
  const hub: LiveHub = {
    async subscribe(_scope, _after, send) {
      state.subscribed += 1;
      state.send = send;
      for (const event of backlog) send(event);
      return () => {
        state.unsubscribed += 1;
      };
    },
  };
  return { hub, state };
}

const scope = { teamId: "t", decisionId: "d" };

async function readSome(response: Response): Promise<{ text: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  return { text: new TextDecoder().decode(value), reader };
}

describe("eventFrame", () => {
  test("names the event by id and type, and carries only those", () => {
    expect(eventFrame({ id: 42, type: "scores.submitted" })).toBe('id: 42\nevent: scores.submitted\ndata: {"id":42,"type":"scores.submitted"}\n\n');
  });

  test("a type cannot break out of its line", () => {
    expect(eventFrame({ id: 1, type: "x\ndata: forged" })).toBe('id: 1\nevent: x_data__forged\ndata: {"id":1,"type":"x_data__forged"}\n\n');
  });
});

describe("liveResponse", () => {
  test("answers as an unbuffered event stream and sends the backlog first", async () => {
    const { hub } = fakeHub([{ id: 7, type: "weights.submitted" }]);
    const response = await liveResponse(hub, scope, 6, new AbortController().signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const { text, reader } = await readSome(response);
    expect(text).toContain("retry: 3000\n");
    let all = text;
    while (!all.includes("event: weights.submitted")) all += new TextDecoder().decode((await reader.read()).value);
    expect(all.indexOf("retry:")).toBeLessThan(all.indexOf("id: 7"));
    await reader.cancel();
  });

  test("lets go of the hub when the browser goes away (the request aborts)", async () => {
    const { hub, state } = fakeHub();
    const abort = new AbortController();
    const response = await liveResponse(hub, scope, null, abort.signal);
    const { reader } = await readSome(response);
    expect(state.unsubscribed).toBe(0);
    abort.abort();
    expect(state.unsubscribed).toBe(1);
    expect((await reader.read()).done).toBe(true);
    // A late event for a closed stream is dropped without an error.
    expect(() => state.send({ id: 9, type: "scores.updated" })).not.toThrow();
  });

  test("lets go of the hub when the body is cancelled, once", async () => {
    const { hub, state } = fakeHub();
    const abort = new AbortController();
    const response = await liveResponse(hub, scope, null, abort.signal);
    await response.body!.cancel();
    abort.abort();
    expect(state.unsubscribed).toBe(1);
  });

  test("a request already aborted lets go at once", async () => {
    const { hub, state } = fakeHub();
    const abort = new AbortController();
    abort.abort();
    await liveResponse(hub, scope, null, abort.signal);
    expect(state.unsubscribed).toBe(1);
  });

  describe("at each heartbeat, the access is checked again", () => {
    afterEach(() => vi.useRealTimers());

    test("still allowed: the stream stays open and says it is alive", async () => {
      vi.useFakeTimers();
      const { hub, state } = fakeHub();
      const response = await liveResponse(hub, scope, null, new AbortController().signal, async () => true);
      const { reader } = await readSome(response);
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(": keep-alive\n\n");
      expect(state.unsubscribed).toBe(0);
      await reader.cancel();
    });

    test("signed out or removed since: the stream ends and lets go of the hub", async () => {
      vi.useFakeTimers();
      const { hub, state } = fakeHub();
      const response = await liveResponse(hub, scope, null, new AbortController().signal, async () => false);
      const { reader } = await readSome(response);
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect((await reader.read()).done).toBe(true);
      expect(state.unsubscribed).toBe(1);
    });
  });
});
