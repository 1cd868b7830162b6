import "server-only";
import { asc } from "drizzle-orm";
import type { Executor } from "../client";
import { frameworks } from "../schema";

export async function listFrameworks(db: Executor) {
  return db.select().from(frameworks).orderBy(asc(frameworks.sortOrder));
}
