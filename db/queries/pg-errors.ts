// postgres.js and PGlite both expose the SQLSTATE as `code`, sometimes on a wrapped cause.
function databaseError(error: unknown): { code: string; message?: unknown } | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string; message?: unknown };
  }
  return undefined;
}

export function sqlState(error: unknown): string | undefined {
  return databaseError(error)?.code;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505";

const REFUSED = "VR001";

/** SQLSTATE of refuse_statement (migration 0017): a statement's own check failed and ended its transaction. */
export const isRefusedByStatement = (error: unknown) => sqlState(error) === REFUSED;

/** The reason a statement gave refuse_statement, when `error` is that refusal: what its check found. */
export function refusalReason(error: unknown): string | undefined {
  const found = databaseError(error);
  return found?.code === REFUSED && typeof found.message === "string" ? found.message : undefined;
}
