/** The decision's event history as exported: in order, with payloads in canonical JSON and no names when anonymous. */
import { visibleEventPayload } from "../domain/event-payload";
import type { ExportSource } from "./build";
import { compareCodeUnits } from "./text";

/** Keys that could name or identify a person in an event payload; dropped for anonymous decisions. */
const IDENTIFYING_KEYS = new Set(["userId", "memberId", "actorId", "name", "userName", "memberName", "email"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Payloads are arbitrary JSON: keys sorted at every level so their order never depends on storage. */
function canonicalJson(value: unknown, dropIdentifying: boolean): Json {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((v) => canonicalJson(v, dropIdentifying));
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort(compareCodeUnits)) {
      if (dropIdentifying && IDENTIFYING_KEYS.has(key)) continue;
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = canonicalJson(v, dropIdentifying);
    }
    return out;
  }
  return null;
}

export function exportedHistory(events: ExportSource["events"], anonymous: boolean) {
  return [...events]
    .sort((a, b) => a.id - b.id)
    .map((e) => ({
      id: e.id,
      type: e.type,
      actor: anonymous ? null : e.actorName,
      at: e.createdAt.toISOString(),
      payload: canonicalJson(visibleEventPayload(e.type, e.payload), anonymous) as Record<string, Json>,
      // Its link in the team's hash chain: the event can be found in the live history by it.
      hash: e.hash,
    }));
}
