import { type Tally, tally, type TallyInput } from "./tally";

type Named = { id: string; name: string };

/**
 * The tally of a decision's structure and its members' inputs. Rows may carry more than the tally
 * reads (descriptions, links, comments): only ids and names are passed on, so the result never
 * depends on anything else in them.
 */
export function tallyOf(
  structure: { options: readonly Named[]; criteria: readonly Named[] },
  inputs: Pick<TallyInput, "members" | "weights" | "scores">,
): Tally {
  return tally({
    options: structure.options.map((o) => ({ id: o.id, name: o.name })),
    criteria: structure.criteria.map((c) => ({ id: c.id, name: c.name })),
    members: inputs.members,
    weights: inputs.weights,
    scores: inputs.scores,
  });
}
