import { sql } from "drizzle-orm";
import type { Db } from "./client";

// Tables whose rows are history: the app may add and read them, never change or remove them.
export const APPEND_ONLY_TABLES = ["events", "outcome_amendments"] as const;
// Tables the database writes for the app (the history chain's heads, by the events_chain trigger): the app only reads them.
export const READ_ONLY_TABLES = ["history_heads"] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function run(db: Db, template: string, ...args: string[]): Promise<void> {
  // format() quotes identifiers (%I) and literals (%L) on the server, so no value is spliced in here.
  const placeholders = args.map((arg) => sql`${arg}::text`);
  const [row] = (await db.execute(sql`select format(${template}::text, ${sql.join(placeholders, sql`, `)}) as statement`)) as unknown as {
    statement: string;
  }[];
  await db.execute(sql.raw(row!.statement));
}

/**
 * Creates the app's login role if it is missing and gives it exactly what the app needs on the
 * current database: read and write ordinary tables, only read and append the history, use the
 * sequences, and the same on every table the migrating role creates later. It owns nothing, so
 * it cannot alter, truncate or disable triggers. Run as the role that owns the schema.
 */
export async function grantAppRole(db: Db, role: string, password?: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`APP_DATABASE_ROLE "${role}" is not a plain lower-case role name.`);
  // Concurrent creators (several servers, parallel test runs) race on the catalog's unique index.
  await run(
    db,
    "DO $do$ BEGIN CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; " +
      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $do$",
    role,
  );
  const [found] = (await db.execute(sql`
    select r.rolsuper or r.rolbypassrls as privileged, r.rolname = current_user as is_migrator,
           exists (select 1 from pg_tables t where t.schemaname = 'public' and pg_has_role(${role}, t.tableowner, 'USAGE')) as owns_tables
    from pg_roles r where r.rolname = ${role}`)) as unknown as { privileged: boolean; is_migrator: boolean; owns_tables: boolean }[];
  if (!found || found.privileged || found.is_migrator || found.owns_tables) {
    throw new Error(
      `APP_DATABASE_ROLE "${role}" must be a role of its own without superuser rights that owns no table; ` +
        "choose another name (the migrating role keeps ownership).",
    );
  }
  if (password) await run(db, "ALTER ROLE %I PASSWORD %L", role, password);

  await run(db, "GRANT CONNECT ON DATABASE %I TO %I", await currentDatabase(db), role);
  await run(db, "GRANT USAGE ON SCHEMA public TO %I", role);
  // Start from nothing on every run, so a grant given by hand earlier cannot linger.
  await run(db, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I", role);
  await run(db, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I", role);
  for (const table of APPEND_ONLY_TABLES) await run(db, "REVOKE UPDATE, DELETE ON %I FROM %I", table, role);
  for (const table of READ_ONLY_TABLES) await run(db, "REVOKE INSERT, UPDATE, DELETE ON %I FROM %I", table, role);
  await run(db, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I", role);
  await run(db, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I", role);
  await run(db, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I", role);
}

async function currentDatabase(db: Db): Promise<string> {
  const [row] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
  return row!.name;
}

/**
 * Whether the connected role may change the schema: it is a superuser or belongs to the role that
 * owns the tables (or there are none yet). A least-privilege app role may not, so it does not try.
 */
export async function canMigrate(db: Db): Promise<{ allowed: boolean; role: string }> {
  const [row] = (await db.execute(sql`
    select current_user as role,
           (select rolsuper from pg_roles where rolname = current_user)
           or coalesce((select pg_has_role(current_user, c.relowner, 'USAGE') from pg_class c where c.oid = to_regclass('public.events')), true)
           as allowed`)) as unknown as { role: string; allowed: boolean }[];
  return { allowed: Boolean(row?.allowed), role: row?.role ?? "unknown" };
}
