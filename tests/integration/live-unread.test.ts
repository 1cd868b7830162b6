import { expect, test } from "vitest";
import { announceUnread } from "../../db/queries/notifications";
import { createLiveHub, type LiveEvent } from "../../lib/live/hub";
import { liveResponse } from "../../lib/live/stream";
import { createDecisionFixture } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser } from "../support/factories";

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The bell's count rides on the live streams: each server LISTENs on verdict_notifications and
// hands a person's count to that person's own open streams, never to anyone else's.
describeEachDriver("live unread counts", (ctx) => {
  test("a count reaches only its person's streams, once it commits; a stream without a viewer hears none", async () => {
    const owner = await createUser(ctx.db, { name: "Bell owner" });
    const other = await createUser(ctx.db, { name: "Bell other" });
    const team = await createTeamWith(ctx.db, { owner, member: other });
    const fx = await createDecisionFixture(ctx.db, owner.id, team.id);
    const scope = { teamId: team.id, decisionId: fx.decisionId };
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const counts: Record<string, number[]> = { owner: [], other: [], anonymous: [] };
    const events: LiveEvent[] = [];
    const stops = await Promise.all([
      hub.subscribe(scope, null, (e) => events.push(e), { userId: owner.id, onUnread: (n) => counts.owner!.push(n) }),
      hub.subscribe({ teamId: team.id, decisionId: null }, null, () => {}, { userId: other.id, onUnread: (n) => counts.other!.push(n) }),
      hub.subscribe(scope, null, () => {}),
    ]);
    try {
      // Rolled back: never announced.
      await ctx.db
        .transaction(async (tx) => {
          await announceUnread(tx, [owner.id]);
          tx.rollback();
        })
        .catch(() => {});
      await ctx.db.transaction((tx) => announceUnread(tx, [owner.id, owner.id]));
      await eventually(() => counts.owner!.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Once, though named twice; the owner has no notifications, so 0.
      expect(counts).toEqual({ owner: [0], other: [], anonymous: [] });
      expect(events).toEqual([]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  test("the stream writes the count as a `notifications.unread` event with no id", async () => {
    const owner = await createUser(ctx.db, { name: "Stream owner" });
    const team = await createTeamWith(ctx.db, { owner });
    const hub = createLiveHub({ db: ctx.db, listen: ctx.listen });
    const abort = new AbortController();
    const response = await liveResponse(hub, { teamId: team.id, decisionId: null }, null, abort.signal, undefined, owner.id);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    try {
      await ctx.db.transaction((tx) => announceUnread(tx, [owner.id]));
      while (!text.includes("notifications.unread")) text += decoder.decode((await reader.read()).value);
      const frame = text.slice(text.indexOf("event: notifications.unread"));
      expect(frame.split("\n\n")[0]).toBe('event: notifications.unread\ndata: {"unread":0}');
    } finally {
      abort.abort();
      await reader.cancel().catch(() => {});
    }
  });
});
