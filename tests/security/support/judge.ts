import type { ActionResult } from "./http";
import type { Expected, Refusal } from "./rules";

// How a refusal looks from outside, and whether a call went as the permissions table says.

const NOT_FOUND = /does not exist|not a member|not found/i;
const FORBIDDEN = /does not allow|not allowed|only the facilitator|only an owner/i;

export function refusalOf(result: ActionResult): Refusal | "other" {
  if (result.redirect?.startsWith("/sign-in")) return "sign-in";
  // Read from the whole answer, not one field of the state: the form state's shape is the app's to change.
  if (NOT_FOUND.test(result.body)) return "not-found";
  if (FORBIDDEN.test(result.body)) return "forbidden";
  return "other";
}

export function describeResult(result: ActionResult): string {
  const what = result.redirect
    ? `redirect ${result.redirect}`
    : result.state
      ? JSON.stringify({ ok: result.state.ok, message: result.state.message })
      : result.body.slice(0, 120);
  return `${result.status} ${what}`;
}

/** Null when the call went as expected; otherwise what went wrong, for the failure table. */
export function judgeAction(result: ActionResult, expected: Expected, wrote: boolean): string | null {
  if (result.status >= 500) return `server error: ${describeResult(result)}`;
  if (expected.allowed) {
    return wrote ? null : `should be allowed, but nothing was written: ${describeResult(result)}`;
  }
  if (wrote) return `WROTE although it must be refused (${expected.as.join("/")}): ${describeResult(result)}`;
  const refusal = refusalOf(result);
  if (!expected.as.includes(refusal as Refusal)) return `should be refused as ${expected.as.join(" or ")}, got ${refusal}: ${describeResult(result)}`;
  return null;
}

export type RouteAnswer = { status: number; location: string | null; body: string };

function routeRefusal(answer: RouteAnswer): Refusal | "other" {
  if (answer.status === 401 || (answer.status >= 300 && answer.status < 400 && (answer.location ?? "").includes("/sign-in"))) return "sign-in";
  if (answer.status === 404) return "not-found";
  if (answer.status === 403) return "forbidden";
  return "other";
}

/** A route that writes: allowed means 200 and written; refused means the right status and nothing written. */
export function judgeWriteRoute(answer: RouteAnswer, expected: Expected, wrote: boolean): string | null {
  const what = `${answer.status} ${answer.body.slice(0, 100).trim()}`;
  if (answer.status >= 500) return `server error: ${what}`;
  if (expected.allowed) return answer.status === 200 && wrote ? null : `should be allowed and written: ${what} (wrote: ${wrote})`;
  if (wrote) return `WROTE although it must be refused (${expected.as.join("/")}): ${what}`;
  const refusal = routeRefusal(answer);
  if (!expected.as.includes(refusal as Refusal)) return `should be refused as ${expected.as.join(" or ")}, got ${refusal}: ${what}`;
  return null;
}

export function judgeRoute(answer: RouteAnswer, expected: Expected, mustContain: string): string | null {
  const what = `${answer.status} ${answer.location ?? answer.body.slice(0, 100).trim()}`;
  if (answer.status >= 500) return `server error: ${what}`;
  if (expected.allowed) return answer.status === 200 && answer.body.includes(mustContain) ? null : `should be allowed: ${what}`;
  if (answer.body.includes(mustContain)) return `LEAKED the decision or team although refused: ${what}`;
  const refusal = routeRefusal(answer);
  if (!expected.as.includes(refusal as Refusal)) return `should be refused as ${expected.as.join(" or ")}, got ${refusal}: ${what}`;
  return null;
}

/** A live stream: allowed means 200 as text/event-stream, without `mustNotContain`; refused means the right status and no stream. */
export function judgeStream(answer: RouteAnswer & { contentType: string }, expected: Expected, mustNotContain: string): string | null {
  const what = `${answer.status} ${answer.contentType} ${answer.location ?? answer.body.slice(0, 100).trim()}`;
  if (answer.status >= 500) return `server error: ${what}`;
  if (answer.body.includes(mustNotContain)) return `LEAKED the decision's title into the stream: ${what}`;
  const isStream = answer.contentType.startsWith("text/event-stream");
  if (expected.allowed) return answer.status === 200 && isStream ? null : `should be allowed: ${what}`;
  if (isStream) return `OPENED a stream although refused: ${what}`;
  const refusal = routeRefusal(answer);
  if (!expected.as.includes(refusal as Refusal)) return `should be refused as ${expected.as.join(" or ")}, got ${refusal}: ${what}`;
  return null;
}
