// postgres.js and PGlite both expose the SQLSTATE as `code`, sometimes on a wrapped cause.
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";

/** SQLSTATE of refuse_statement (migration 0017): a statement's own check failed and ended its transaction. */
export const isRefusedByStatement = (error: unknown) => sqlState(error) === "VR001";
