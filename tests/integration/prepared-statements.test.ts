import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { findSessionUser } from "../../db/queries/sessions";
import { scoreSheetSource } from "../../db/queries/sheet-source";
import { users } from "../../db/schema";
import { describeEachDriver } from "../support/drivers";

// On PostgreSQL, statements of fixed shape go out named, so the server parses and plans each once
// per connection instead of on every request; statements whose text grows with the data do not
// (see db/prepared-statements.ts). A transaction keeps one connection, whose named statements
// pg_prepared_statements lists.

describeEachDriver("named statements", (ctx) => {
  test.runIf(ctx.driver === "postgres")("fixed-shape reads are named once and reused; a list is not named", async () => {
    const listed = await ctx.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await findSessionUser(tx, randomUUID(), randomUUID());
      await scoreSheetSource(tx, randomUUID(), randomUUID(), [1, 2]);
      await tx
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.id, [randomUUID(), randomUUID()]));
      // postgres.js answers a raw statement with its rows.
      return (await tx.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
    });
    const statements = listed.map((row) => row.statement);
    expect(statements.filter((s) => s.includes('from "sessions"'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from "scores"'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('from "users"') && !s.includes('from "sessions"'))).toHaveLength(0);
  });
});
