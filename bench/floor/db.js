import postgres from "postgres";

// One pool per process, the same size as Verdict's (db/client.ts).
const key = Symbol.for("verdict.benchFloor.sql");
globalThis[key] ??= postgres(process.env.FLOOR_DATABASE_URL, { max: 10, onnotice: () => {} });

export const sql = globalThis[key];
export const decisionId = () => process.env.FLOOR_DECISION_ID;
