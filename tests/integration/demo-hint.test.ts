import { beforeAll, expect, test } from "vitest";
import { setPassword } from "../../lib/services/accounts";
import { demoHintVisible } from "../../lib/auth/demo-hint";
import { describeEachDriver } from "../support/drivers";
import { createUser, type TestUser, uniqueEmail } from "../support/factories";

const DEMO_PASSWORD = "demo-password-for-tests";

describeEachDriver("the demo password hint", (ctx) => {
  let demo: TestUser;
  beforeAll(async () => {
    demo = await createUser(ctx.db, { name: "Demo", password: DEMO_PASSWORD });
  });
  const account = () => ({ email: demo.email, password: DEMO_PASSWORD });

  test("shows under the dev server while the seeded demo account has its demo password", async () => {
    expect(await demoHintVisible(ctx.db, "development", account())).toBe(true);
  });

  test.each(["production", "test"] as const)("never shows with NODE_ENV=%s, even with the demo data present", async (nodeEnv) => {
    expect(await demoHintVisible(ctx.db, nodeEnv, account())).toBe(false);
  });

  test("does not show when there is no demo account", async () => {
    expect(await demoHintVisible(ctx.db, "development", { email: uniqueEmail("absent"), password: DEMO_PASSWORD })).toBe(false);
  });

  test("does not show once the demo account's password is no longer the demo password", async () => {
    const changed = await createUser(ctx.db, { name: "Changed", password: DEMO_PASSWORD });
    await setPassword(ctx.db, changed.id, "a password of their own");
    expect(await demoHintVisible(ctx.db, "development", { email: changed.email, password: DEMO_PASSWORD })).toBe(false);
  });
});
