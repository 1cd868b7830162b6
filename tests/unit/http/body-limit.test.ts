import { describe, expect, test } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, BODY_TOO_LARGE_MESSAGE, estimatedFormBytes, exceedsActionBodyLimit, refuseOversizedAction } from "@/lib/http/body-limit";

const post = (path: string, length: number | null, headers: Record<string, string> = {}) =>
  new Request(`http://app.test${path}`, { method: "POST", headers: { ...(length === null ? {} : { "content-length": String(length) }), ...headers } });

describe("refuseOversizedAction", () => {
  test("a form posted without JavaScript over the limit gets a 413 page that says why, with a way back", async () => {
    const response = refuseOversizedAction(
      post("/sign-in?callbackUrl=%2Fteams", ACTION_BODY_LIMIT_BYTES + 1, { "content-type": "multipart/form-data; boundary=x" }),
    )!;
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain("That form was too large to send");
    expect(page).toContain('href="/sign-in?callbackUrl=%2Fteams"');
  });

  test("an action called from the app's script gets the message as plain text, which Next's client shows", async () => {
    const response = refuseOversizedAction(post("/teams", 5_000_000, { "next-action": "abc123" }))!;
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe(BODY_TOO_LARGE_MESSAGE);
  });

  test("the way back cannot carry markup", async () => {
    const page = await refuseOversizedAction(post(`/teams?q="><script>alert(1)</script>`, ACTION_BODY_LIMIT_BYTES * 2))!.text();
    expect(page).not.toContain("<script>");
  });

  test.each([
    { name: "a body within the limit", request: post("/sign-in", ACTION_BODY_LIMIT_BYTES) },
    { name: "a GET", request: new Request("http://app.test/teams", { headers: { "content-length": "99999999" } }) },
    { name: "a route handler under /api", request: post("/api/auth/callback/credentials", ACTION_BODY_LIMIT_BYTES * 3) },
    { name: "a POST without a declared length (Next's own limit still applies)", request: post("/sign-in", null) },
    { name: "a nonsense length", request: post("/sign-in", null, { "content-length": "lots" }) },
  ])("lets through $name", ({ request }) => {
    expect(refuseOversizedAction(request)).toBeNull();
  });
});

describe("estimatedFormBytes", () => {
  test("counts UTF-8 bytes, file sizes and per-field overhead, never less than the raw values", () => {
    const data = new FormData();
    data.append("name", "é".repeat(1000));
    data.append("file", new File([new Uint8Array(5000)], "a.bin"));
    expect(estimatedFormBytes(data)).toBeGreaterThanOrEqual(2000 + 5000 + "name".length + "file".length);
  });

  test("a form just over the limit is caught before it is sent; a normal form is not", () => {
    const big = new FormData();
    big.append("context", "x".repeat(ACTION_BODY_LIMIT_BYTES));
    expect(exceedsActionBodyLimit(big)).toBe(true);
    const normal = new FormData();
    for (let i = 0; i < 450; i++) normal.append(`scores.${i}.comment`, "y".repeat(1000));
    expect(exceedsActionBodyLimit(normal)).toBe(false);
  });
});
