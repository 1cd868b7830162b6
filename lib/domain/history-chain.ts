// The history's hash chain (issue 12), checked outside the database: the same text the trigger
// events_chain hashes (db/migrations/0012_history_chain.sql), and a walk along a team's chain that
// names the first event that does not hold.

/** An event as the chain sees it: times in microseconds and the payload as the database renders it. */
export type ChainLink = {
  id: number;
  teamSeq: number;
  teamId: string;
  decisionId: string | null;
  actorId: string | null;
  type: string;
  createdMicros: string;
  payloadText: string;
  prevHash: string;
  hash: string;
};

export type Sha256Hex = (text: string) => string;

export const CHAIN_VERSION = "verdict-event-v1";

/** What an event's hash is taken over, given the hash it follows. */
export function chainText(link: Omit<ChainLink, "prevHash" | "hash">, prevHash: string): string {
  return [
    CHAIN_VERSION,
    prevHash,
    String(link.teamSeq),
    String(link.id),
    link.teamId,
    link.decisionId ?? "",
    link.actorId ?? "",
    link.type,
    link.createdMicros,
    link.payloadText,
  ].join("\n");
}

export type ChainBreakReason = "changed" | "unlinked" | "missing" | "truncated";

export const CHAIN_BREAK_WORDS: Readonly<Record<ChainBreakReason, string>> = {
  changed: "its content no longer matches its hash: it was changed after it was written",
  unlinked: "it does not follow the event before it: an event was removed or replaced",
  missing: "an event before it is missing from the chain",
  truncated: "the chain ends before its recorded head: events were removed from the end",
};

/** Where a walk along the chain has got: the last link found intact (seq 0 and "" before the first). */
export type ChainPosition = { seq: number; hash: string; count: number };

export const CHAIN_START: ChainPosition = { seq: 0, hash: "", count: 0 };

/**
 * Walks the next links of a chain (in seq order) from `from`; returns where it got, and the first
 * link that breaks the chain, if one does.
 */
export function walkChain<L extends ChainLink>(
  links: readonly L[],
  from: ChainPosition,
  sha256: Sha256Hex,
): { at: ChainPosition; lastIntact: L | null; broken: { link: L; reason: ChainBreakReason } | null } {
  let at = from;
  let lastIntact: L | null = null;
  for (const link of links) {
    const reason: ChainBreakReason | null =
      link.teamSeq !== at.seq + 1
        ? "missing"
        : link.prevHash !== at.hash
          ? "unlinked"
          : sha256(chainText(link, link.prevHash)) !== link.hash
            ? "changed"
            : null;
    if (reason) return { at, lastIntact, broken: { link, reason } };
    at = { seq: link.teamSeq, hash: link.hash, count: at.count + 1 };
    lastIntact = link;
  }
  return { at, lastIntact, broken: null };
}

/** Whether a walk that reached `at` has reached the head the database recorded. */
export function reachesHead(at: ChainPosition, head: { seq: number; hash: string } | null): boolean {
  if (!head) return at.seq === 0;
  return at.seq === head.seq && at.hash === head.hash;
}
