import "server-only";
import { LRUCache } from "lru-cache";
import { monteCarlo, type MonteCarloResult } from "../domain/monte-carlo";
import type { ScoreBasis } from "../domain/what-if";

// The robustness check re-weights the basis 10,000 times: about 10 ms of a request at 10 options
// x 10 criteria, and more than twice that at 20 x 20. After the reveal the whole team opens the same
// results, whose basis does not change until another round, so each server counts it once per
// basis. The key is the basis itself, every figure the sampling reads, so a cached result is
// exactly what monteCarlo would return, and nobody gets a result for a basis they were not shown.

const computed = new LRUCache<string, MonteCarloResult>({ max: 200 });

/** The basis's figures that decide the result, as one string: ids, group weights and cell means. */
function basisKey(basis: ScoreBasis): string {
  return JSON.stringify([basis.options.map((o) => o.id), basis.criteria.map((c) => c.id), basis.groupWeights, basis.means]);
}

/** `monteCarlo(basis)` with its default samples, seed and concentration, counted once per basis. */
export function robustnessOf(basis: ScoreBasis): MonteCarloResult {
  const key = basisKey(basis);
  const known = computed.get(key);
  if (known) return known;
  const result = monteCarlo(basis);
  // Every later viewer gets this same object: frozen, so no page can change it for the next.
  for (const option of result.options) Object.freeze(option);
  Object.freeze(result.options);
  Object.freeze(result.currentWinners);
  computed.set(key, Object.freeze(result));
  return result;
}
