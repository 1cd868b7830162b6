import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { redactUrl, testDatabaseUrl } from "../support/test-database";

export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  const [template, database] = await Promise.allSettled([writePgliteTemplate(), recreatePostgresDatabase(url)]);
  if (template.status === "fulfilled" && database.status === "rejected") await removeTemplate(template.value);
  if (database.status === "rejected") throw database.reason;
  if (template.status === "rejected") throw template.reason;
  const templatePath = template.value;
  project.provide("databaseUrl", url);
  project.provide("pgliteTemplatePath", templatePath);
  // The PostgreSQL database is kept after the run, for inspecting failures; the next run drops it.
  return () => removeTemplate(templatePath);
}

const removeTemplate = (file: string) => rm(path.dirname(file), { recursive: true, force: true });

/** Drops and recreates the database, then migrates it once for every test file. */
async function recreatePostgresDatabase(url: string): Promise<void> {
  const { databaseName, maintenanceUrl } = splitUrl(url);
  const admin = postgres(maintenanceUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `Integration tests need PostgreSQL, but ${redactUrl(maintenanceUrl)} is unreachable ` +
        `(test database: ${redactUrl(url)}). Start PostgreSQL or set TEST_DATABASE_URL. Cause: ${String(error)}`,
    );
  }
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(databaseName)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  const handle = await openDb({ driver: "postgres", url, maxConnections: 1 });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Initialising a PGlite cluster takes seconds of CPU; loading a dump of one takes a fraction of
 * that. Each test file still gets its own in-memory copy and runs the migrations on it itself.
 */
async function writePgliteTemplate(): Promise<string> {
  const pglite = await PGlite.create();
  try {
    const dump = await pglite.dumpDataDir("none");
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "verdict-pglite-")), "template.tar");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  } finally {
    await pglite.close();
  }
}

function splitUrl(url: string): { databaseName: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const databaseName = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!databaseName || databaseName === "postgres") {
    throw new Error(`TEST_DATABASE_URL must name a throwaway database (it is dropped first): ${redactUrl(url)}`);
  }
  parsed.pathname = "/postgres";
  return { databaseName, maintenanceUrl: parsed.toString() };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
