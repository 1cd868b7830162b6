import { describe, expect, test } from "vitest";
import { safeCallbackUrl } from "@/lib/validation/callback-url";

const FALLBACK = "/teams";

describe("safeCallbackUrl", () => {
  test.each([
    { value: "/", expected: "/" },
    { value: "/teams", expected: "/teams" },
    { value: "/teams/3f2c9a4e?tab=members#invites", expected: "/teams/3f2c9a4e?tab=members#invites" },
    { value: "/invite/abc_DEF-123", expected: "/invite/abc_DEF-123" },
    { value: "/search?q=a%2F%2Fb", expected: "/search?q=a%2F%2Fb" },
    { value: "/a/b//c", expected: "/a/b//c" },
    { value: "/" + "a".repeat(1999), expected: "/" + "a".repeat(1999) },
  ])("keeps the relative path $value", ({ value, expected }) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  test.each([
    { value: "https://evil.com/x?y", expected: "/x?y" },
    { value: "https://evil.com", expected: "/" },
    { value: "http://localhost:3000/teams/1?a=b#c", expected: "/teams/1?a=b#c" },
    { value: "HTTPS://EVIL.COM/Teams", expected: "/Teams" },
    { value: "https://user:pass@evil.com/teams", expected: "/teams" },
  ])("keeps only the path of the absolute URL $value", ({ value, expected }) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  test.each([
    "",
    "//evil.com",
    "//evil.com/teams",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.com//other.com",
    "https://evil.com/\\other.com",
    "http://[",
    "evil.com",
    "teams",
    " /teams",
    "/" + "a".repeat(2000),
  ])("falls back for %j", (value) => {
    expect(safeCallbackUrl(value)).toBe(FALLBACK);
  });

  test.each([undefined, null, 42, true, ["/teams"], { href: "/teams" }, new File(["/teams"], "x.txt")])("falls back for the non-string %s", (value) => {
    expect(safeCallbackUrl(value)).toBe(FALLBACK);
  });

  test("uses the given fallback", () => {
    expect(safeCallbackUrl("//evil.com", "/")).toBe("/");
    expect(safeCallbackUrl(undefined, "/invite/abc")).toBe("/invite/abc");
  });
});
