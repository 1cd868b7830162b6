import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import type { Executor } from "../../db/client";
import { finishTransaction } from "../../db/pipelined-begin";
import { isRefusedByStatement, sqlState } from "../../db/queries/pg-errors";
import { users } from "../../db/schema";
import { describeEachDriver } from "../support/drivers";

// Transactions as every use case relies on them. On PostgreSQL, BEGIN leaves in the same write as
// the first statements (db/pipelined-begin.ts), so these hold that nothing about them changed.

const someone = (tag: string) => ({ name: `Tx ${tag}`, email: `tx-${tag}-${randomUUID()}@example.test`, passwordHash: "x" });

async function exists(db: Executor, email: string): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email))).length === 1;
}

describeEachDriver("transactions", (ctx) => {
  test("what a transaction wrote is there once it commits, and gone when it throws", async () => {
    const kept = someone("kept");
    const dropped = someone("dropped");
    await ctx.db.transaction(async (tx) => {
      await tx.insert(users).values(kept);
      expect(await exists(tx, kept.email)).toBe(true);
    });
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.insert(users).values(dropped);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await exists(ctx.db, kept.email)).toBe(true);
    expect(await exists(ctx.db, dropped.email)).toBe(false);
  });

  test.runIf(ctx.driver === "postgres")("a statement that failed unawaited fails the transaction, which writes nothing", async () => {
    const first = someone("first");
    const clash = someone("clash");
    await ctx.db.insert(users).values(clash);
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.insert(users).values(first);
        // Fired and forgotten: the email is taken, so the transaction is aborted from here on.
        tx.insert(users)
          .values({ ...someone("again"), email: clash.email })
          .catch(() => {});
      }),
    ).rejects.toThrow();
    expect(await exists(ctx.db, first.email)).toBe(false);
  });

  test("a transaction finished with its last statements commits them and answers their rows", async () => {
    const before = someone("before");
    const last = someone("last");
    const rows = await ctx.db.transaction(async (tx) => {
      await tx.insert(users).values(before);
      return finishTransaction(tx, [
        sql`insert into ${users} (name, email, password_hash) values (${last.name}, ${last.email}, 'x') returning email`,
        sql`select count(*)::int as n from ${users} where email in (${before.email}, ${last.email})`,
      ]);
    });
    expect(rows).toEqual([[{ email: last.email }], [{ n: 2 }]]);
    expect(await exists(ctx.db, before.email)).toBe(true);
    expect(await exists(ctx.db, last.email)).toBe(true);
  });

  test("when one of the last statements fails, its own error comes back and nothing the transaction wrote is kept", async () => {
    const clash = someone("finish-clash");
    await ctx.db.insert(users).values(clash);
    const before = someone("finish-before");
    const after = someone("finish-after");
    const failed = ctx.db.transaction(async (tx) => {
      await tx.insert(users).values(before);
      return finishTransaction(tx, [
        sql`insert into ${users} (name, email, password_hash) values ('Again', ${clash.email}, 'x')`,
        sql`insert into ${users} (name, email, password_hash) values (${after.name}, ${after.email}, 'x')`,
      ]);
    });
    // The unique violation itself, not "the transaction was aborted".
    expect(sqlState(await failed.catch((error: unknown) => error))).toBe("23505");
    expect(await exists(ctx.db, before.email)).toBe(false);
    expect(await exists(ctx.db, after.email)).toBe(false);
    // The connection is back in the pool, out of any transaction: the next one works.
    const next = someone("finish-next");
    await ctx.db.transaction((tx) => tx.insert(users).values(next));
    expect(await exists(ctx.db, next.email)).toBe(true);
  });

  test("a statement's own refusal (refuse_statement) ends the transaction with nothing written", async () => {
    const before = someone("refused-before");
    const failed = ctx.db.transaction(async (tx) => {
      await tx.insert(users).values(before);
      return finishTransaction(tx, [sql`select refuse_statement('not today')`]);
    });
    const error = await failed.catch((e: unknown) => e);
    expect(isRefusedByStatement(error)).toBe(true);
    expect(String((error as Error).cause ?? error)).toContain("not today");
    expect(await exists(ctx.db, before.email)).toBe(false);
  });

  test("more transactions at once than the pool has connections each commit their own rows", async () => {
    const people = Array.from({ length: 25 }, (_, i) => someone(`many-${i}`));
    const seen = await Promise.all(
      people.map((person) =>
        ctx.db.transaction(async (tx) => {
          await tx.insert(users).values(person);
          await tx.execute(sql`select pg_sleep(0.01)`);
          return exists(tx, person.email);
        }),
      ),
    );
    expect(seen.every(Boolean)).toBe(true);
    const stored = await ctx.db
      .select({ email: users.email })
      .from(users)
      .where(
        inArray(
          users.email,
          people.map((p) => p.email),
        ),
      );
    expect(stored).toHaveLength(25);
  });
});
