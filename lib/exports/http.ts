import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../database-unavailable";
import { AppError, ForbiddenError, NotFoundError } from "../errors";
import { NON_PAGE_HEADERS } from "../http/security-headers";
// Responses of the export routes. Pure: a status, a body and headers, nothing read from the request.

/** Only ASCII reaches the header; every filename built here already is (slugs), this just makes sure. */
function asciiFilename(filename: string): string {
  return filename.replace(/[^A-Za-z0-9._-]/g, "_");
}

const PRIVATE = {
  ...NON_PAGE_HEADERS,
  // The bytes depend on who asks (membership) and on later events: never cache them in between.
  "Cache-Control": "private, no-store",
};

export function downloadResponse(body: string, filename: string, contentType: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE,
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${asciiFilename(filename)}"`,
    },
  });
}

export function textResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, { status, headers: { ...PRIVATE, ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * A known error as a plain-text answer: not found (which also covers "not yours") 404, not allowed
 * 403, any other refusal the person can act on 409, the database being down 503. Anything else is
 * rethrown, so it is logged and never shown raw.
 */
export function errorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) return textResponse(503, DATABASE_UNAVAILABLE_MESSAGE, { "Retry-After": "5" });
  if (error instanceof NotFoundError) return textResponse(404, error.message);
  if (error instanceof ForbiddenError) return textResponse(403, error.message);
  if (error instanceof AppError) return textResponse(409, error.message);
  throw error;
}

export const CONTENT_TYPES = {
  madr: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
} as const;

export const EXPORT_FORMATS = ["madr", "json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const UNKNOWN_FORMAT_MESSAGE = (format: string) =>
  `There is no export called "${format.slice(0, 40)}". Use madr (the decision record as Markdown), json (the whole decision) or csv (the scores).`;
