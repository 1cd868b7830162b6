import { describe, expect, test } from "vitest";
import { formatMoment, isTimeZone, zoneName, zoneOffset, zoneShape } from "@/lib/domain/time-format";

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

describe("zoneOffset", () => {
  test("counts minutes behind UTC, as Date#getTimezoneOffset does", () => {
    const winter = new Date("2026-01-15T12:00:00Z");
    const summer = new Date("2026-07-15T12:00:00Z");
    expect(zoneOffset(winter, "Europe/Paris")).toBe(-60);
    expect(zoneOffset(summer, "Europe/Paris")).toBe(-120);
    expect(zoneOffset(winter, "Asia/Kolkata")).toBe(-330);
    expect(zoneOffset(winter, "America/St_Johns")).toBe(210);
    expect(zoneOffset(summer, "America/Los_Angeles")).toBe(420);
    expect(zoneOffset(winter, "Asia/Kathmandu")).toBe(-345);
    expect(zoneOffset(winter, "UTC")).toBe(0);
  });
});

describe("zoneShape", () => {
  const now = new Date("2026-11-29T09:00:00Z");

  test("is a zone's winter and summer offsets", () => {
    expect(zoneShape("Europe/Paris", now)).toBe("-60,-120");
    expect(zoneShape("Asia/Kolkata", now)).toBe("-330,-330");
    expect(zoneShape("Australia/Sydney", now)).toBe("-660,-600");
  });

  test("tells apart zones one offset alone would not", () => {
    // The same offset in winter; only Denver moves its clocks in summer.
    expect(zoneShape("America/Phoenix", now)).not.toBe(zoneShape("America/Denver", now));
    expect(zoneShape("Europe/London", now)).not.toBe(zoneShape("Africa/Abidjan", now));
    expect(zoneShape("Europe/Paris", now)).toBe(zoneShape("Europe/Berlin", now));
  });

  test("matches what a browser in that zone reads from its clock", () => {
    const year = now.getUTCFullYear();
    const seasons = [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)];
    // This process's own zone, read the way the browser reads it (TimeZoneSync).
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(zoneShape(local, now)).toBe(seasons.map((t) => new Date(t).getTimezoneOffset()).join(","));
  });
});
