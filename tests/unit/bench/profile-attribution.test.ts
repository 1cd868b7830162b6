import { describe, expect, test } from "vitest";
import { type CallFrame, chargeProfile, type CpuProfile, ownerOfFile } from "../../../bench/profile/attribution";

describe("bench:profile: where a sample's time belongs", () => {
  test("files are named by package, part of Node or project folder", () => {
    expect(ownerOfFile("../../../node_modules/postgres/src/connection.js")).toBe("postgres");
    expect(ownerOfFile("file:///app/node_modules/next/dist/server/base-server.js")).toBe("next");
    expect(ownerOfFile("../../../node_modules/@auth/core/lib/index.js")).toBe("@auth/core");
    // drizzle-orm's source maps name its files src/… under node_modules.
    expect(ownerOfFile("../../../node_modules/src/entity.ts")).toBe("drizzle-orm");
    expect(ownerOfFile("node:internal/webstreams/readablestream")).toBe("node:webstreams");
    expect(ownerOfFile("node:internal/deps/undici/undici")).toBe("node:undici");
    expect(ownerOfFile("node:net")).toBe("node:net");
    expect(ownerOfFile("../../../../lib/services/pages/decision-page.ts")).toBe("lib/services/pages");
    expect(ownerOfFile("../../../../lib/services/pages/decision-page.ts", true)).toBe("lib/services/pages/decision-page.ts");
    expect(ownerOfFile("../../../../app/teams/%5BteamId%5D/page.tsx")).toBe("app/teams/[teamId]");
    expect(ownerOfFile("turbopack:///[turbopack]/shared/runtime/runtime-utils.ts")).toBe("turbopack runtime");
    expect(ownerOfFile("file:///app/.next/server/chunks/x.js")).toBe("(build, no source map)");
  });

  const frame = (functionName: string, url = ""): CallFrame => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  // (root) → handler (lib/entry) → JSON.parse (native); handler → writeBuffer; (garbage collector); (idle)
  const profile: CpuProfile = {
    startTime: 0,
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 5, 6] },
      { id: 2, callFrame: frame("handler", "lib/entry/write-routes.ts"), children: [3, 4] },
      { id: 3, callFrame: frame("parse") },
      { id: 4, callFrame: frame("writeBuffer") },
      { id: 5, callFrame: frame("(garbage collector)") },
      { id: 6, callFrame: frame("(idle)") },
    ],
    samples: [6, 2, 3, 3, 4, 5, 6, 2],
    timeDeltas: [1000, 100, 100, 100, 50, 30, 500, 20],
  };
  const byUrl = (f: CallFrame) => ownerOfFile(f.url);

  test("a native frame counts for its caller; socket writes and the collector are their own lines; idle is not busy", () => {
    const { busy, by } = chargeProfile(profile, byUrl);
    expect(Object.fromEntries(by)).toEqual({ "lib/entry": 320, "(socket writes)": 50, "(garbage collector)": 30 });
    expect(busy).toBe(400);
  });

  test("the first microseconds can be left out (start-up)", () => {
    // Samples end at 1000, 1100, 1200, 1300, 1350, 1380, 1880, 1900: from 1250 on, four are busy.
    const { busy, by } = chargeProfile(profile, byUrl, 1250);
    expect(Object.fromEntries(by)).toEqual({ "lib/entry": 120, "(socket writes)": 50, "(garbage collector)": 30 });
    expect(busy).toBe(200);
  });
});
