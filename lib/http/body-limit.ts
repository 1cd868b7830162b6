/**
 * The largest request body a server action takes: Next's own `serverActions.bodySizeLimit`
 * (its default, "1mb", is 1,048,576 bytes). Next refuses a larger body by throwing, which the
 * person sees as a bare 500; checking first lets them see what happened instead.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE =
  "This form is too large to send: a form can carry at most 1 MB. Nothing was saved. Shorten the longest texts and try again.";

// What a browser adds around each field of a multipart body: boundary line and headers.
const MULTIPART_OVERHEAD_PER_FIELD = 160;

/** A close upper estimate of the bytes a form's data takes on the wire. */
export function estimatedFormBytes(formData: FormData): number {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const [name, value] of formData.entries()) {
    bytes += MULTIPART_OVERHEAD_PER_FIELD + encoder.encode(name).length;
    bytes += typeof value === "string" ? encoder.encode(value).length : value.size;
  }
  return bytes;
}

export const exceedsActionBodyLimit = (formData: FormData) => estimatedFormBytes(formData) > ACTION_BODY_LIMIT_BYTES;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * For the front door (front-door.ts): a POST to a page (every one in this app is a server action; route handlers
 * live under /api) whose declared length is over the limit gets a 413 that says so. A fetch from
 * the app's own script gets plain text, which Next's client raises as the error's message; a
 * form posted without JavaScript gets a small page with a way back to the form.
 */
export function refuseOversizedAction(request: Pick<Request, "method" | "url"> & { headers: Pick<Headers, "get" | "has"> }): Response | null {
  if (request.method !== "POST") return null;
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/")) return null;
  const declared = Number(request.headers.get("content-length"));
  if (!Number.isFinite(declared) || declared <= ACTION_BODY_LIMIT_BYTES) return null;
  const headers = { "cache-control": "no-store", connection: "close" };
  if (request.headers.has("next-action")) {
    return new Response(BODY_TOO_LARGE_MESSAGE, { status: 413, headers: { ...headers, "content-type": "text/plain" } });
  }
  const back = escapeHtml(url.pathname + url.search);
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form too large · Verdict</title></head>
<body>
<main>
<h1>That form was too large to send</h1>
<p>${escapeHtml(BODY_TOO_LARGE_MESSAGE)}</p>
<p><a href="${back}">Back to the form</a></p>
</main>
</body>
</html>
`;
  return new Response(page, { status: 413, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}
