import postgres from "postgres";

const key = Symbol.for("floor.sql");
type Holder = { [key]?: ReturnType<typeof postgres> };

/** One postgres.js pool per process, as the app keeps one (10 connections). */
export function sql() {
  const holder = globalThis as Holder;
  holder[key] ??= postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
  return holder[key];
}
