import type { Db } from "../../db/client";
import { fanOutAll, type FanOutResult } from "../../lib/services/notifications";

/**
 * Fans out until every event committed so far is handled. Other test files write to the same
 * PostgreSQL at once: a step can find the cursor held by another file's step, or events waiting on
 * someone else's transaction that began earlier and is still running; both pass in moments.
 */
export async function fanOutSettled(db: Db, timeoutMs = 10_000): Promise<FanOutResult> {
  const total: FanOutResult = { busy: false, waiting: false, events: 0, notified: 0, emails: 0 };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const step = await fanOutAll(db);
    total.events += step.events;
    total.notified += step.notified;
    total.emails += step.emails;
    if (!step.busy && !step.waiting) return total;
    if (Date.now() > deadline) throw new Error(`The fan-out did not settle within ${timeoutMs} ms (busy: ${step.busy}, waiting: ${step.waiting})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
