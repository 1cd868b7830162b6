import type { DecisionStatus } from "../domain/phases";
import { type AdrStatus, DECISION_JSON_SCHEMA, DECISION_JSON_VERSION, type DecisionJson } from "./decision-json";
import { parseDecisionSnapshot } from "../validation/decision-snapshot";
import { exportedTally } from "./export-tally";
import { exportedValues } from "./export-values";
import { exportedHistory } from "./history";
import { exportedReview, type SourceReview } from "./review";
import { byPosition } from "./text";

export { canonicalTally } from "./export-tally";

/**
 * Everything the loader read for one decision, as plain rows. `values` is null whenever the
 * decision is sealed: the loader does not even read weights or scores then.
 */
export type ExportSource = {
  decision: {
    id: string;
    title: string;
    context: string;
    status: DecisionStatus;
    anonymous: boolean;
    currentRound: number;
    createdAt: Date;
    revealedAt: Date | null;
    decidedAt: Date | null;
    deprecatedAt: Date | null;
  };
  /** Position of the decision among the team's decisions by creation, from 1: its ADR number. */
  number: number;
  supersededBy: { id: string; number: number; title: string } | null;
  facilitator: { id: string; name: string };
  options: { id: string; name: string; description: string; link: string | null; frameworkSlug: string | null; position: number }[];
  criteria: { id: string; name: string; description: string; position: number }[];
  values: {
    /** Everyone with a ballot or a value row for this decision, in any round. */
    people: { id: string; name: string }[];
    weights: { memberId: string; criterionId: string; weight: number }[];
    scores: RawScore[];
  } | null;
  outcome: {
    chosenOptionId: string;
    chosenOptionName: string;
    record: { context: string; decision: string; consequencesGood: string; consequencesBad: string; justification: string | null };
    snapshot: unknown;
    decidedAt: Date;
    decidedBy: { id: string; name: string } | null;
    /** Dated amendments under the record, oldest first. */
    amendments: { at: Date; authorName: string | null; text: string; reason: string }[];
    /** When the team looks back on the choice, and the reviews so far, oldest first. */
    reviewDueAt: Date | null;
    reviews: SourceReview[];
  } | null;
  events: { id: number; type: string; actorName: string | null; payload: Record<string, unknown>; createdAt: Date; hash: string }[];
  /** The team's history chain when the export was read: its latest hash and length. */
  chain: { head: string; events: number } | null;
};

export type RawScore = {
  round: number;
  memberId: string;
  optionId: string;
  criterionId: string;
  score: number;
  comment: string | null;
  evidenceUrl: string | null;
};

/** Weights and scores may be shown once the results are revealed, and stay shown once decided. */
export function valuesVisible(status: DecisionStatus): boolean {
  return status === "revealed" || status === "decided";
}

export function adrStatusOf(decision: { status: DecisionStatus; deprecatedAt: Date | null }, supersededBy: unknown): AdrStatus {
  if (decision.status === "decided") return supersededBy ? "superseded" : decision.deprecatedAt ? "deprecated" : "accepted";
  if (decision.status === "withdrawn") return "rejected";
  return "proposed";
}

/**
 * The JSON document of a decision, built from what the loader read. Pure: the same source gives a
 * deep-equal document, and formatDecisionJson turns that into the same bytes.
 *
 * - Sealed (before the reveal, or withdrawn): structure and history only; no member, weight, score,
 *   tally or outcome.
 * - Decided: title, context, options, criteria, members, weights, the deciding round's scores and
 *   the tally come from the frozen snapshot; earlier rounds come from the score rows, which no
 *   longer change once a later round has opened.
 * - Revealed: everything from the current rows; the tally is of the current round.
 * - Anonymous: pseudonyms for members, no names anywhere (facilitator, decider, event actors).
 */
export function buildDecisionJson(source: ExportSource): DecisionJson {
  const { decision } = source;
  const anonymous = decision.anonymous;
  const sealed = !valuesVisible(decision.status);
  const snapshot = !sealed && decision.status === "decided" && source.outcome ? parseDecisionSnapshot(source.outcome.snapshot) : null;

  const options = snapshot
    ? snapshot.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug }))
    : [...source.options].sort(byPosition).map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link, frameworkSlug: o.frameworkSlug }));
  const criteria = snapshot
    ? snapshot.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description }))
    : [...source.criteria].sort(byPosition).map((c) => ({ id: c.id, name: c.name, description: c.description }));
  const optionIds = options.map((o) => o.id);
  const criterionIds = criteria.map((c) => c.id);

  const base = {
    schema: DECISION_JSON_SCHEMA,
    version: DECISION_JSON_VERSION,
    decision: {
      id: decision.id,
      number: source.number,
      title: snapshot?.decision.title ?? decision.title,
      context: snapshot?.decision.context ?? decision.context,
      status: decision.status,
      adrStatus: adrStatusOf(decision, source.supersededBy),
      anonymous,
      currentRound: decision.currentRound,
      facilitator: anonymous ? null : source.facilitator.name,
      createdAt: decision.createdAt.toISOString(),
      revealedAt: decision.revealedAt?.toISOString() ?? null,
      decidedAt: (source.outcome?.decidedAt ?? decision.decidedAt)?.toISOString() ?? null,
      deprecatedAt: decision.deprecatedAt?.toISOString() ?? null,
      supersededBy: source.supersededBy ? { ...source.supersededBy } : null,
    },
    sealed,
    frozen: snapshot !== null,
    chain: source.chain ? { ...source.chain } : null,
  } as const;

  const history = exportedHistory(source.events, anonymous);

  if (sealed || !source.values) {
    return { ...base, sealed: true, frozen: false, round: null, options, criteria, members: [], weights: [], rounds: [], tally: null, outcome: null, history };
  }

  const tallyRound = snapshot ? (snapshot.round ?? 1) : decision.currentRound;
  const { members, rename, weights, rounds } = exportedValues(source.values, snapshot, { anonymous, tallyRound, optionIds, criterionIds });
  const order = { optionIds, criterionIds, memberIds: members.map((m) => m.id) };
  const tallyResult = exportedTally(
    snapshot,
    { options, criteria, members, weights, scores: rounds.find((r) => r.round === tallyRound)!.scores },
    order,
    rename,
  );

  const outcome =
    decision.status === "decided" && source.outcome
      ? {
          chosenOptionId: source.outcome.chosenOptionId,
          chosenOptionName: source.outcome.chosenOptionName,
          decidedAt: source.outcome.decidedAt.toISOString(),
          decidedBy: anonymous ? null : (source.outcome.decidedBy?.name ?? null),
          topRanked: tallyResult.winners.includes(source.outcome.chosenOptionId),
          record: {
            context: source.outcome.record.context,
            decision: source.outcome.record.decision,
            consequencesGood: source.outcome.record.consequencesGood,
            consequencesBad: source.outcome.record.consequencesBad,
            justification: source.outcome.record.justification ?? null,
          },
          amendments: source.outcome.amendments.map((a) => ({ at: a.at.toISOString(), by: anonymous ? null : a.authorName, text: a.text, reason: a.reason })),
          review: exportedReview(source.outcome, snapshot, criteria, anonymous),
        }
      : null;

  return { ...base, round: tallyRound, options, criteria, members, weights, rounds, tally: tallyResult, outcome, history };
}
