import { lookup } from "node:dns/promises";
import { ADDRESS_KIND_WORDS, classifyAddress } from "../domain/ip-address";

// Where a webhook may send. A URL whose name resolves to the server's own network (private,
// loopback, link-local, CGNAT, multicast, unspecified or reserved, IPv4 or IPv6, mapped forms
// included) is refused unless ALLOW_PRIVATE_WEBHOOKS=true. The check runs when a webhook is saved
// and again before every request, and the request connects to the address checked, never to a
// second resolution of the name, so a name that changes its answer (DNS rebinding) gains nothing.

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 };
export type TargetCheck = { ok: true; target: ResolvedTarget } | { ok: false; reason: string };
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** A name that takes longer than this to resolve is treated as not resolving: the attempt ends and is retried. */
const RESOLVE_TIMEOUT_MS = 5_000;

const systemResolver: Resolver = (hostname) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("resolving took too long")), RESOLVE_TIMEOUT_MS);
  });
  return Promise.race([lookup(hostname, { all: true, verbatim: true }), late]).finally(() => clearTimeout(timer));
};

/** The URL's host without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** Resolves `rawUrl`'s host and checks every address it gives; the first is the one to connect to. */
export async function checkWebhookTarget(rawUrl: string, options: { allowPrivate: boolean; resolve?: Resolver }): Promise<TargetCheck> {
  const url = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    return { ok: false, reason: "Only https:// and http:// addresses can receive webhooks." };
  const host = hostOf(url);
  const literal = classifyAddress(host) !== "invalid";
  let found: { address: string; family: number }[];
  try {
    found = literal ? [{ address: host, family: host.includes(":") ? 6 : 4 }] : await (options.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, reason: `The name ${host} could not be resolved.` };
  }
  if (found.length === 0) return { ok: false, reason: `The name ${host} could not be resolved.` };
  if (!options.allowPrivate) {
    // Every address must be public: a name answering with one public and one private address
    // could otherwise be reached at the private one by a resolver that orders them differently.
    for (const { address } of found) {
      const kind = classifyAddress(address);
      if (kind !== "public") {
        const where = literal ? host : `${host} resolves to ${address}, which`;
        return { ok: false, reason: `${where} is ${ADDRESS_KIND_WORDS[kind]}; webhooks only go to public addresses.` };
      }
    }
  }
  const first = found[0]!;
  return { ok: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
}
