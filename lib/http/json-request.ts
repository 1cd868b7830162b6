// What a state-changing JSON request must look like before anything reads it: sent by a page of
// this site, declared as JSON, no larger than a form may be, and parseable. No Next, no I/O beyond
// the request's own body.

import { ACTION_BODY_LIMIT_BYTES } from "./body-limit";
import { requestHost } from "./origin";

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
    const host = requestHost(headers);
    if (!host) return false;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}

/** At most `limit` bytes of the body, as UTF-8 text; more than that is refused without reading the rest. */
async function boundedText(request: Request, limit: number): Promise<{ text: string } | { refusal: JsonRefusal }> {
  if (!request.body) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { refusal: { status: 413, message: JSON_TOO_LARGE_MESSAGE } };
    }
    chunks.push(value);
  }
  try {
    // fatal: a body that is not UTF-8 is unreadable, not silently patched with U+FFFD.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { refusal: { status: 400, message: UNREADABLE_JSON_MESSAGE } };
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
  let body: Awaited<ReturnType<typeof boundedText>>;
  try {
    body = await boundedText(request, limit);
  } catch {
    return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  }
  if ("refusal" in body) return { ok: false, ...body.refusal };
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, status: 400, message: UNREADABLE_JSON_MESSAGE };
  return { ok: true, value: value as Record<string, unknown> };
}
