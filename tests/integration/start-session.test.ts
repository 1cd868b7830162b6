import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { findSessionUser } from "../../db/queries/sessions";
import { findUserByEmail } from "../../db/queries/users";
import { sessions } from "../../db/schema";
import { startSession } from "../../lib/auth/start-session";
import { describeEachDriver } from "../support/drivers";
import { createUser, uniqueEmail } from "../support/factories";

describeEachDriver("starting a session at sign-in", (ctx) => {
  test("a password sign-in gets its own session row", async () => {
    const user = await createUser(ctx.db, { name: "Password Person" });
    const started = await startSession(ctx.db, { userId: user.id, provider: "credentials" }, "Firefox/128.0");

    expect(started.sub).toBe(user.id);
    expect(await findSessionUser(ctx.db, started.sid, user.id)).toMatchObject({ id: user.id, sessionId: started.sid });
  });

  test("a GitHub sign-in gets a session row for the account matched by email, created the first time", async () => {
    const email = uniqueEmail("octo");
    const first = await startSession(ctx.db, { userId: "12345", provider: "github", profile: { email: email.toUpperCase(), name: "Octo Cat" } }, "");
    const account = await findUserByEmail(ctx.db, email);

    expect(account).toMatchObject({ name: "Octo Cat", passwordHash: null });
    expect(first.sub).toBe(account!.id);
    const second = await startSession(ctx.db, { userId: "12345", provider: "github", profile: { email } }, "");
    expect(second.sub).toBe(account!.id);
    expect(second.sid).not.toBe(first.sid);
    expect(await ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, account!.id))).toHaveLength(2);
  });

  test("a GitHub sign-in without an email, or any sign-in without a user, starts nothing", async () => {
    await expect(startSession(ctx.db, { userId: "12345", provider: "github", profile: {} }, "")).rejects.toThrow("without an email");
    await expect(startSession(ctx.db, { provider: "credentials" }, "")).rejects.toThrow("without a user");
  });
});
