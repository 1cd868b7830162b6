import { sql } from "drizzle-orm";
import { FRAMEWORK_CATALOG } from "./catalog";
import type { Db } from "./client";
import { frameworks } from "./schema";

/** Upserts the framework catalog: safe to run on every start. */
export async function seedCatalog(db: Db): Promise<void> {
  await db
    .insert(frameworks)
    .values(FRAMEWORK_CATALOG.map((f, i) => ({ ...f, sortOrder: i })))
    .onConflictDoUpdate({
      target: frameworks.slug,
      set: {
        name: sql`excluded.name`,
        language: sql`excluded.language`,
        runtime: sql`excluded.runtime`,
        description: sql`excluded.description`,
        website: sql`excluded.website`,
        notableUsers: sql`excluded.notable_users`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
}
