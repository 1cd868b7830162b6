import "server-only";
import { LRUCache } from "lru-cache";
import type { DecisionView } from "./access";

// After the reveal the whole team opens the results at once, and every request packed every
// member's sheet again: at 200 members x 100 cells about 10 ms of the database's CPU and 7 ms of
// the server's, the same work for the same answer. While a decision stays revealed its ballots
// cannot change: saves and withdrawals are refused, and the reveal itself took the decision's row
// lock that a save shares, so it waited for the saves in flight. Leaving the reveal (another
// round, back to draft) changes the round, and the next reveal sets another revealedAt; so figures
// kept by the decision, its round and the moment of its reveal are what a fresh read would give.
// A reveal that a passed deadline implies but no write has recorded yet (a pending transition) is
// read fresh every time: a save that began before the deadline may still commit.
//
// One cache per database handle (the app has one; tests open several), holding the computation's
// promise, so a crowd that arrives together computes it once. Names cannot change (there is no
// rename), so the members' names it holds stay right too.

const caches = new WeakMap<object, LRUCache<string, Promise<unknown>>>();

function cacheOf(db: object): LRUCache<string, Promise<unknown>> {
  let cache = caches.get(db);
  if (!cache) {
    // A decision's figures are a few hundred KB at most (1,000 members x 20 x 20): 32 of them, and
    // none kept after the crowd has gone.
    cache = new LRUCache<string, Promise<unknown>>({ max: 32, ttl: 15 * 60_000 });
    caches.set(db, cache);
  }
  return cache;
}

/** The key under which a view's revealed figures may be shared, or null when they must be read fresh. */
export function revealedFiguresKey(view: Pick<DecisionView, "decision" | "pendingTransitions">): string | null {
  const { decision } = view;
  if (decision.status !== "revealed" || view.pendingTransitions.length > 0 || !decision.revealedAt) return null;
  return `${decision.id}:${decision.currentRound}:${decision.revealedAt.getTime()}`;
}

/**
 * `compute()`, shared by every request for the same revealed decision on this server (see above).
 * What it resolves to is handed to every later reader as it is: frozen at its top, and not to be
 * changed by anyone.
 */
export function sharedWhileRevealed<T extends object>(view: DecisionView, compute: () => Promise<T>): Promise<T> {
  const key = revealedFiguresKey(view);
  if (key === null) return compute();
  const cache = cacheOf(view.db);
  const known = cache.get(key) as Promise<T> | undefined;
  if (known) return known;
  const pending = compute().then((figures) => Object.freeze(figures) as T);
  cache.set(key, pending);
  // A failed read (the database away for a moment) is not remembered: the next request tries again.
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}
