import { describe, expect, test } from "vitest";
import { formatMoment, isTimeZone, zoneName } from "@/lib/domain/time-format";

const moment = new Date("2026-11-30T21:31:48Z");

describe("formatMoment", () => {
  test("one 24-hour format, in the reader's zone, the zone named", () => {
    expect(formatMoment(moment, "UTC", { withZone: true })).toBe("30 Nov 2026, 21:31 UTC");
    expect(formatMoment(moment, "Europe/Paris", { withZone: true })).toBe("30 Nov 2026, 22:31 CET");
    expect(formatMoment(moment, "Asia/Kolkata", { withZone: true })).toBe("1 Dec 2026, 03:01 GMT+5:30");
  });

  test("the date alone, and the clock alone for a save just made", () => {
    expect(formatMoment(moment, "America/New_York", { show: "date" })).toBe("30 Nov 2026");
    expect(formatMoment(moment, "UTC", { show: "clock" })).toBe("21:31:48");
    expect(formatMoment(new Date("2026-11-30T00:05:00Z"), "UTC", { show: "clock" })).toBe("00:05:00");
  });

  test("summer time changes the zone's name", () => {
    expect(zoneName(new Date("2026-07-01T12:00:00Z"), "Europe/Paris")).toBe("CEST");
  });
});

describe("isTimeZone", () => {
  test.each(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"])("%s is a zone", (zone) => expect(isTimeZone(zone)).toBe(true));
  test.each(["", "Mars/Olympus", "__proto__", "x".repeat(65), 42, null])("%s is not", (zone) => expect(isTimeZone(zone)).toBe(false));
});
