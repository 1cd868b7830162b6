// What a state-changing JSON request must look like before anything reads it: sent by a page of
// this site, declared as JSON, no larger than a form may be, and parseable. Pure: no Next, no I/O
// beyond the request's own body.

import { ACTION_BODY_LIMIT_BYTES } from "./body-limit";

export type JsonRefusal = { status: 400 | 403 | 413 | 415; message: string };

export const CROSS_SITE_MESSAGE = "This request did not come from a page of this site, so it was refused. Nothing was saved.";
export const NOT_JSON_MESSAGE = "This request must be sent as JSON. Nothing was saved.";
export const JSON_TOO_LARGE_MESSAGE = "This sheet is too large to send: it can carry at most 1 MB. Nothing was saved. Shorten the longest notes and try again.";
export const UNREADABLE_JSON_MESSAGE = "This request could not be read. Nothing was saved; reload the page and try again.";

/**
 * Whether a browser sent the request from this site's own pages (the same check Next makes for
 * server actions): its Origin names this host, or, when a browser leaves Origin out, its
 * Sec-Fetch-Site says same-origin. Other sites' pages cannot forge either header, and a request
 * with neither comes from no browser at all, so it carries no one's cookies by accident: it is
 * refused too, since nothing of ours sends one.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin) {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    if (!host) return false;
    try {
      return new URL(origin).host === host.split(",")[0]!.trim();
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}

/** Reads at most `limit` bytes of the body; more than that is refused without reading the rest. */
async function boundedText(request: Request, limit: number): Promise<string | "too-large" | "not-utf8"> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  // fatal: a body that is not UTF-8 is unreadable, not silently patched with U+FFFD.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "not-utf8";
  }
}

/**
 * The request's JSON object, or why it was refused. Only a JSON object is accepted (not an array,
 * a string or null): every body of ours is one.
 */
export async function readJsonObject(
  request: Request,
  limit = ACTION_BODY_LIMIT_BYTES,
): Promise<{ ok: true; value: Record<string, unknown> } | ({ ok: false } & JsonRefusal)> {
  if (!isSameOrigin(request.headers)) return { ok: false, status: 403, message: CROSS_SITE_MESSAGE };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, message: NOT_JSON_MESSAGE };
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413, message: JSON_TOO_LARGE_MESSAGE };
  let text: string;
  try {
    text = await boundedText(request, limit);
  } catch {
    return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  }
  // Neither marker can be a JSON object's text, so they cannot be mistaken for a body.
  if (text === "too-large") return { ok: false, status: 413, message: JSON_TOO_LARGE_MESSAGE };
  if (text === "not-utf8") return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  return { ok: true, value: value as Record<string, unknown> };
}
