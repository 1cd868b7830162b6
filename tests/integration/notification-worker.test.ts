import { expect, test } from "vitest";
import type { DbHandle } from "../../db/client";
import { setEmailKinds } from "../../db/queries/notifications";
import type { EmailMessage } from "../../lib/domain/notifications";
import { startWorker } from "../../lib/worker";
import { createDecisionFixture, moveTo } from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUsers } from "../support/factories";
import { TEST_DELIVERY_OPTIONS } from "../support/webhook-receiver";

async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDriver("the worker", (ctx) => {
  test("woken by the event's NOTIFY (not its timer), it notifies the member and emails them", async () => {
    const people = await createUsers(ctx.db, ["facilitator", "member"]);
    const team = await createTeamWith(ctx.db, { owner: people.facilitator, member: people.member });
    await setEmailKinds(ctx.db, people.member.id, { weighting_opened: true });
    const fx = await createDecisionFixture(ctx.db, people.facilitator.id, team.id);
    const sent: EmailMessage[] = [];
    const handle = { db: ctx.db, listen: ctx.listen } as DbHandle;
    // A timer an hour long: only the announcement of the event can wake it in time.
    const worker = startWorker(async () => handle, {
      intervalMs: 3_600_000,
      origin: "https://verdict.example",
      webhooks: TEST_DELIVERY_OPTIONS,
      mailer: async (message) => void sent.push(message),
    });
    try {
      await worker.tick(); // the first step: listening from here on
      await moveTo(ctx.db, fx, "weighting");
      await eventually(() => sent.some((m) => m.to === people.member.email));
      const mail = sent.find((m) => m.to === people.member.email)!;
      expect(mail.text).toContain(`https://verdict.example/teams/${team.id}/decisions/${fx.decisionId}/weights`);
    } finally {
      await worker.stop();
    }
  });
});
