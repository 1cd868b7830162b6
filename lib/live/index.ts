import "server-only";
import { dbHandle } from "../../db";
import { createLiveHub, type LiveHub } from "./hub";

export { type LiveEvent, type LiveScope } from "./hub";
export { liveResponse } from "./stream";

// Kept on globalThis for the reason db/index.ts gives: one LISTEN per process, however many
// bundles load this module.
const globalKey = Symbol.for("verdict.live");
type Holder = { [globalKey]?: Promise<LiveHub> };

/** The process's one live hub, on the process's one database handle. */
export function liveHub(): Promise<LiveHub> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= dbHandle()
    .then(createLiveHub)
    .catch((error: unknown) => {
      delete holder[globalKey];
      throw error;
    });
  return holder[globalKey];
}
