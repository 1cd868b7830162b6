import { expect, test } from "vitest";
import { LIVE_CURSOR_MESSAGE, liveCursor } from "@/lib/validation/live";

test.each<[string | null, string | null, number | null]>([
  [null, null, null],
  ["", "", null],
  [null, "41", 41],
  ["57", "41", 57],
  ["0", null, 0],
])("Last-Event-ID %j and ?after=%j start after %j", (header, after, expected) => {
  expect(liveCursor(header, after)).toEqual({ ok: true, after: expected });
});

test.each(["-1", "1e3", "0x10", " 5", "5.0", "1".repeat(16), "NaN"])("%j is refused with a message", (bad) => {
  expect(liveCursor(null, bad)).toEqual({ ok: false, message: LIVE_CURSOR_MESSAGE });
  expect(liveCursor(bad, "3")).toEqual({ ok: false, message: LIVE_CURSOR_MESSAGE });
});
