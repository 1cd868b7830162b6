import { describe, expect, test } from "vitest";
import { CONTENT_TYPES, downloadResponse, EXPORT_FORMATS, isExportFormat, textResponse, UNKNOWN_FORMAT_MESSAGE } from "@/lib/exports/http";
import { adrNumber, fixed, isoDay, percent, slugify } from "@/lib/exports/text";

describe("export responses", () => {
  test("formats: madr, json and csv, nothing else", () => {
    expect(EXPORT_FORMATS).toEqual(["madr", "json", "csv"]);
    for (const format of EXPORT_FORMATS) expect(isExportFormat(format)).toBe(true);
    for (const other of ["MADR", "xml", "md", "", "csv ", "__proto__", "toString"]) expect(isExportFormat(other)).toBe(false);
    expect(UNKNOWN_FORMAT_MESSAGE("xml")).toBe(
      'There is no export called "xml". Use madr (the decision record as Markdown), json (the whole decision) or csv (the scores).',
    );
  });

  test("a download is an attachment, private, never sniffed", async () => {
    const response = downloadResponse("a,b\n", "0001-x.csv", CONTENT_TYPES.csv);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="0001-x.csv"');
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe("a,b\n");
  });

  test("a file name can never break out of its header", () => {
    const response = downloadResponse("", 'evil"\r\nSet-Cookie: x=1.md', CONTENT_TYPES.madr);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="evil___Set-Cookie__x_1.md"');
  });

  test("errors are plain text with a trailing newline", async () => {
    const response = textResponse(409, "Sealed.");
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Sealed.\n");
  });
});

describe("text helpers", () => {
  test.each([
    ["Backend framework for the payments API", "backend-framework-for-the-payments-api"],
    ["  Ünïcödé — “quoted” & more!  ", "unicode-quoted-more"],
    ["---", "decision"],
    ["a".repeat(80), "a".repeat(60)],
    ["word ".repeat(20), "word-word-word-word-word-word-word-word-word-word-word-word"],
  ])("slugify(%j) → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  test("numbers and dates have one fixed form", () => {
    expect(adrNumber(7)).toBe("0007");
    expect(adrNumber(12345)).toBe("12345");
    expect(fixed(-0.0001, 1)).toBe("0.0");
    expect(fixed(2 / 3, 3)).toBe("0.667");
    expect(percent(0.41666)).toBe("41.7%");
    // UTC, whatever the server's time zone: 23:30 in UTC-5 is the next day in UTC.
    expect(isoDay(new Date("2025-03-01T23:30:00-05:00"))).toBe("2025-03-02");
  });
});
