import { type IncomingMessage, Server } from "node:http";

/**
 * Under `next start` the only address Next hands to a server action or to Auth.js's authorize()
 * is `X-Forwarded-For`, and Next fills it with the socket's address only when the request does not
 * carry one: any client can send its own. So the server stamps each request with the TCP peer's
 * address under a name of its own, overwriting whatever a client sent under that name.
 */
export const SOCKET_ADDRESS_HEADER = "x-verdict-socket-address";
const STAMP_INSTALLED = Symbol.for("verdict.socketAddressStamp");
type StampHolder = { [STAMP_INSTALLED]?: true };

/** Called once from instrumentation.ts, in the Node.js server process. */
export function installSocketAddressStamp(): void {
  const holder = globalThis as StampHolder;
  if (holder[STAMP_INSTALLED]) return;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithSocketAddress(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  holder[STAMP_INSTALLED] = true;
}

const UNKNOWN = "unknown";

function normalise(address: string | null | undefined): string {
  const trimmed = (address ?? "").trim();
  if (!trimmed) return UNKNOWN;
  // An IPv4 client on a dual-stack socket shows up as ::ffff:1.2.3.4; count it once either way.
  return trimmed
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "")
    .slice(0, 100);
}

/**
 * The address a sign-in attempt comes from. Behind a proxy (`TRUST_PROXY=true`) it is the last
 * `X-Forwarded-For` entry, the one the proxy itself added; earlier entries came from the client.
 * Without one, it is the stamped socket address; a client-sent `X-Forwarded-For` is ignored.
 */
export function clientAddress(headers: Headers, trustProxy: boolean, stampInstalled = isSocketAddressStampInstalled()): string {
  if (trustProxy) {
    const hops = (headers.get("x-forwarded-for") ?? "").split(",");
    return normalise(hops[hops.length - 1]);
  }
  return stampInstalled ? normalise(headers.get(SOCKET_ADDRESS_HEADER)) : UNKNOWN;
}

export function isSocketAddressStampInstalled(): boolean {
  return (globalThis as StampHolder)[STAMP_INSTALLED] === true;
}
