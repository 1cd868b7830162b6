import { describe, expect, test } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress without a trusted proxy", () => {
  test("is the stamped socket address, whatever X-Forwarded-For the client sent", () => {
    const h = headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(h, false, true)).toBe("203.0.113.7");
  });

  test("counts an IPv4 client on a dual-stack socket once", () => {
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), false, true)).toBe("127.0.0.1");
  });

  test("is unknown when the stamp is not installed, rather than trusting a header a client could send", () => {
    const h = headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(h, false, false)).toBe("unknown");
  });

  test("is unknown when the stamp is empty", () => {
    expect(clientAddress(headers({}), false, true)).toBe("unknown");
  });
});

describe("clientAddress behind a trusted proxy", () => {
  test.each([
    { forwarded: "203.0.113.7", expected: "203.0.113.7" },
    // Entries before the last were sent by the client and prove nothing.
    { forwarded: "1.1.1.1, 203.0.113.7", expected: "203.0.113.7" },
    { forwarded: "spoofed , 2001:DB8::1 ", expected: "2001:db8::1" },
    { forwarded: "", expected: "unknown" },
  ])("X-Forwarded-For $forwarded → $expected", ({ forwarded, expected }) => {
    expect(clientAddress(headers({ "x-forwarded-for": forwarded, [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }), true, true)).toBe(expected);
  });

  test("a very long value is cut to 100 characters", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "x".repeat(5000) }), true, true)).toHaveLength(100);
  });
});
