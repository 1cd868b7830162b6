import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { findUserByEmail, findUserById } from "../../db/queries/users";
import { users } from "../../db/schema";
import { verifyPassword } from "../../lib/auth/password";
import { ConflictError } from "../../lib/errors";
import { describeEachDriver } from "../support/drivers";
import { createUser, TEST_PASSWORD, type TestUser, uniqueSuffix } from "../support/factories";
import { rejectionOf } from "../support/inspect";

describeEachDriver("users", (ctx) => {
  const localPart = () => `Mixed.Case-${uniqueSuffix()}`;
  let mixedEmail: string;
  let user: TestUser;

  beforeAll(async () => {
    mixedEmail = `${localPart()}@Example.COM`;
    user = await createUser(ctx.db, { name: "Mixed Case", email: mixedEmail });
  });

  async function storedHash(userId: string) {
    const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    return row?.passwordHash ?? null;
  }

  test("createUser stores the email lower-cased", async () => {
    expect(user.email).toBe(mixedEmail.toLowerCase());
    expect(await findUserById(ctx.db, user.id)).toEqual({ id: user.id, name: "Mixed Case", email: mixedEmail.toLowerCase() });
    expect((await findUserByEmail(ctx.db, mixedEmail))?.id).toBe(user.id);
  });

  test("createUser stores an argon2id hash, never the password", async () => {
    const hash = await storedHash(user.id);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(TEST_PASSWORD);
  });

  test.each([
    ["the same", (email: string) => email.toLowerCase()],
    ["a differently cased", (email: string) => email.toUpperCase()],
  ])("a second account with %s email is a ConflictError on the email field", async (_, variant) => {
    const error = await rejectionOf(createUser(ctx.db, { name: "Copycat", email: variant(mixedEmail) }));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors.email).toMatch(/already exists/);
    const [row] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.email, mixedEmail.toLowerCase()));
    expect(row?.name).toBe("Mixed Case");
  });

  test("verifyPassword accepts the right password and rejects a wrong or missing one", async () => {
    const hash = await storedHash(user.id);
    expect(await verifyPassword(hash, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${TEST_PASSWORD}!`)).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
    expect(await verifyPassword(null, TEST_PASSWORD)).toBe(false);
    expect(await verifyPassword("not-a-hash", TEST_PASSWORD)).toBe(false);
  });
});
