import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, test } from "vitest";
import { retireResets } from "../../db/queries/password-resets";
import { createSession, listLiveSessions } from "../../db/queries/sessions";
import { findPasswordHash } from "../../db/queries/users";
import { jobs, passwordResets, users } from "../../db/schema";
import { verifyPassword } from "../../lib/auth/password";
import { openResetToken } from "../../lib/auth/sealed-tokens";
import { hashToken } from "../../lib/auth/tokens";
import { RESET_LINK_MINUTES, RESET_LINK_UNUSABLE, RESET_LINKS_PER_ADDRESS, RESET_LINKS_PER_WINDOW } from "../../lib/domain/password-reset";
import type { EmailMessage } from "../../lib/domain/notifications";
import { PASSWORD_RESET_JOB, requestPasswordReset, resetPassword, usableReset } from "../../lib/services/password-resets";
import { PASSWORD_CHANGED_JOB } from "../../lib/services/accounts";
import { passwordChangedJob, passwordResetJob } from "../../lib/worker/mail";
import { describeEachDriver } from "../support/drivers";
import { createUser, TEST_PASSWORD, type TestUser } from "../support/factories";

const T0 = new Date("2030-03-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const NEW_PASSWORD = "a completely new passphrase";

describeEachDriver("password resets", (ctx) => {
  let ana: TestUser;
  /** The client address asking, a new one for each test: what one address asked for counts across accounts. */
  let address: string;
  let tests = 0;
  beforeEach(async () => {
    ana = await createUser(ctx.db, { name: "Ana Reset" });
    address = `198.51.100.${++tests}`;
  });

  const resetsOf = (userId: string) => ctx.db.select().from(passwordResets).where(eq(passwordResets.userId, userId));
  const jobsFor = async (userId: string) =>
    (await ctx.db.select().from(jobs).where(eq(jobs.kind, PASSWORD_RESET_JOB))).filter((job) => job.payload.userId === userId);
  /** The link's token, as the email job will read it from its sealed payload. */
  const tokensSentTo = async (userId: string) =>
    (await jobsFor(userId)).map((job) => openResetToken(String(job.payload.sealedToken), userId)).filter((t): t is string => t !== null);

  test("an address no account uses gets the same answer and writes nothing", async () => {
    const [before] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(passwordResets);
    await requestPasswordReset(ctx.db, "nobody-here@example.com", address, T0);
    const [after] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(passwordResets);
    expect(after!.n).toBe(before!.n);
  });

  test("an account's address, in any letter case, gets one link that works for an hour, sealed in its email job", async () => {
    await requestPasswordReset(ctx.db, ana.email.toUpperCase(), address, T0);
    const [reset] = await resetsOf(ana.id);
    expect(reset).toMatchObject({ userId: ana.id, createdAt: T0, expiresAt: minutes(RESET_LINK_MINUTES), usedAt: null });
    const [token] = await tokensSentTo(ana.id);
    expect(hashToken(token!)).toBe(reset!.tokenHash);
    // The job's payload does not carry the token in the clear.
    expect(JSON.stringify((await jobsFor(ana.id))[0]!.payload)).not.toContain(token);
    expect(await usableReset(ctx.db, token!, minutes(RESET_LINK_MINUTES - 1))).toMatchObject({ userId: ana.id, email: ana.email });
    expect(await usableReset(ctx.db, token!, minutes(RESET_LINK_MINUTES))).toBeNull();
  });

  test(`at most ${RESET_LINKS_PER_WINDOW} links an hour go to one account`, async () => {
    for (let i = 0; i < RESET_LINKS_PER_WINDOW + 2; i++) await requestPasswordReset(ctx.db, ana.email, address, minutes(i));
    expect(await resetsOf(ana.id)).toHaveLength(RESET_LINKS_PER_WINDOW);
    await requestPasswordReset(ctx.db, ana.email, address, minutes(61));
    expect(await resetsOf(ana.id)).toHaveLength(RESET_LINKS_PER_WINDOW + 1);
  });

  test(`one client address gets at most ${RESET_LINKS_PER_ADDRESS} links an hour sent, whatever the accounts`, async () => {
    const people = await Promise.all(Array.from({ length: RESET_LINKS_PER_ADDRESS + 1 }, (_, i) => createUser(ctx.db, { name: `Flooded ${i}` })));
    for (const [i, person] of people.entries()) await requestPasswordReset(ctx.db, person.email, address, minutes(i));
    const sent = await Promise.all(people.map(async (person) => (await resetsOf(person.id)).length));
    expect(sent).toEqual([...Array<number>(RESET_LINKS_PER_ADDRESS).fill(1), 0]);
    // Another address is not held back by this one.
    await requestPasswordReset(ctx.db, people.at(-1)!.email, "192.0.2.1", minutes(11));
    expect(await resetsOf(people.at(-1)!.id)).toHaveLength(1);
  });

  test("a link sets the password once, retires the account's other links and signs every session out", async () => {
    await requestPasswordReset(ctx.db, ana.email, address, T0);
    await requestPasswordReset(ctx.db, ana.email, address, minutes(1));
    const [first, second] = await tokensSentTo(ana.id);
    await createSession(ctx.db, ana.id, "a browser", minutes(2));
    await resetPassword(ctx.db, second!, NEW_PASSWORD, minutes(3));
    expect(await verifyPassword((await findPasswordHash(ctx.db, ana.id))!, NEW_PASSWORD)).toBe(true);
    expect(await listLiveSessions(ctx.db, ana.id, minutes(3))).toEqual([]);
    // Ana is told, by email, with the way back should it not have been her.
    const told = (await ctx.db.select().from(jobs).where(eq(jobs.kind, PASSWORD_CHANGED_JOB))).filter((job) => job.payload.userId === ana.id);
    expect(told.map((job) => job.payload.changedAt)).toEqual([minutes(3).toISOString()]);
    const sent: EmailMessage[] = [];
    await passwordChangedJob(ctx.db, async (message) => void sent.push(message), "https://verdict.example")(told[0]!.payload);
    expect(sent[0]).toMatchObject({ to: ana.email, subject: "Your Verdict password was changed" });
    expect(sent[0]!.text).toContain("was changed on 1 Mar 2030, 09:03 UTC.");
    expect(sent[0]!.text).toContain("https://verdict.example/forgot-password");
    // Neither this link nor the earlier one works again.
    for (const token of [second!, first!]) {
      await expect(resetPassword(ctx.db, token, "yet another passphrase", minutes(4))).rejects.toThrow(RESET_LINK_UNUSABLE);
    }
    expect(await verifyPassword((await findPasswordHash(ctx.db, ana.id))!, NEW_PASSWORD)).toBe(true);
  });

  test("a password changed on the account page retires the links asked for before", async () => {
    await requestPasswordReset(ctx.db, ana.email, address, T0);
    const [token] = await tokensSentTo(ana.id);
    await retireResets(ctx.db, ana.id, minutes(5));
    expect(await usableReset(ctx.db, token!, minutes(6))).toBeNull();
  });

  test("an expired, unknown or malformed link changes nothing", async () => {
    await requestPasswordReset(ctx.db, ana.email, address, T0);
    const [token] = await tokensSentTo(ana.id);
    const refused = [token!, "A".repeat(43), "not a token", "", "__proto__"];
    for (const t of refused) await expect(resetPassword(ctx.db, t, NEW_PASSWORD, minutes(RESET_LINK_MINUTES + 1))).rejects.toThrow(RESET_LINK_UNUSABLE);
    expect(await verifyPassword((await findPasswordHash(ctx.db, ana.id))!, TEST_PASSWORD)).toBe(true);
    expect((await resetsOf(ana.id))[0]!.usedAt).toBeNull();
  });

  test("the email job sends the link to the account's address; an account deleted since gets nothing", async () => {
    await requestPasswordReset(ctx.db, ana.email, address, T0);
    const [job] = await jobsFor(ana.id);
    const [token] = await tokensSentTo(ana.id);
    const sent: EmailMessage[] = [];
    const send = passwordResetJob(ctx.db, async (message) => void sent.push(message), "https://verdict.example");
    await send(job!.payload);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: ana.email, subject: "Choose a new Verdict password" });
    expect(sent[0]!.text).toContain(`https://verdict.example/reset-password/${token}`);
    // A payload whose seal was made for someone else does not open.
    await expect(send({ ...job!.payload, userId: (await createUser(ctx.db)).id })).rejects.toThrow();
    await ctx.db.delete(passwordResets).where(eq(passwordResets.userId, ana.id));
    await ctx.db.delete(users).where(eq(users.id, ana.id));
    await send(job!.payload);
    expect(sent).toHaveLength(1);
  });
});
