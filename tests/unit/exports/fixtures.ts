import type { ExportSource, RawScore } from "@/lib/exports/build";
import { tally } from "@/lib/domain/tally";
import { pseudonymise } from "@/lib/domain/pseudonyms";

// A decision as the loader would read it, built in code so every formatter can be tested without a
// database. Ids are fixed uuids, so outputs can be compared byte for byte.

export const TEAM = "00000000-0000-4000-8000-000000000001";
export const DECISION = "00000000-0000-4000-8000-00000000000d";
export const NEWER = "00000000-0000-4000-8000-00000000000e";
export const PEOPLE = {
  ana: { id: "00000000-0000-4000-8000-0000000000a1", name: "Ana Lopez" },
  ben: { id: "00000000-0000-4000-8000-0000000000b2", name: 'Ben "Benny" Okafor' },
  cleo: { id: "00000000-0000-4000-8000-0000000000c3", name: "Cleo, the Facilitator" },
};
export const OPTIONS = [
  {
    id: "00000000-0000-4000-8000-0000000000f1",
    name: "Fastify",
    description: "Fast, low-overhead web framework",
    link: "https://fastify.dev",
    frameworkSlug: "fastify",
    position: 0,
  },
  { id: "00000000-0000-4000-8000-0000000000f2", name: "Spring Boot", description: "", link: null, frameworkSlug: "spring-boot", position: 1 },
  {
    id: "00000000-0000-4000-8000-0000000000f3",
    name: 'Our own, "v2"',
    description: "# Not a heading\n<script>alert(1)</script>",
    link: null,
    frameworkSlug: null,
    position: 2,
  },
];
export const CRITERIA = [
  { id: "00000000-0000-4000-8000-0000000000e1", name: "Speed", description: "Requests per second", position: 0 },
  { id: "00000000-0000-4000-8000-0000000000e2", name: "Team fit", description: "", position: 1 },
];

const [fastify, spring, own] = OPTIONS;
const [speed, fit] = CRITERIA;

export const WEIGHTS = [
  { memberId: PEOPLE.ana.id, criterionId: speed!.id, weight: 8 },
  { memberId: PEOPLE.ana.id, criterionId: fit!.id, weight: 2 },
  { memberId: PEOPLE.ben.id, criterionId: speed!.id, weight: 5 },
  { memberId: PEOPLE.ben.id, criterionId: fit!.id, weight: 5 },
];

/** Round 1: Ana and Ben; round 2 (the deciding one in the multi-round fixtures) shifts a little. */
export function scoresOf(round: number): RawScore[] {
  const s = (
    memberId: string,
    optionId: string,
    criterionId: string,
    score: number,
    comment: string | null = null,
    evidenceUrl: string | null = null,
  ): RawScore => ({
    round,
    memberId,
    optionId,
    criterionId,
    score,
    comment,
    evidenceUrl,
  });
  const bump = round > 1 ? 1 : 0;
  return [
    s(PEOPLE.ana.id, fastify!.id, speed!.id, 5, "Fastest in our benchmark, by far", "https://bench.example.com/a?x=1&y=(2)"),
    s(PEOPLE.ana.id, fastify!.id, fit!.id, 4),
    s(PEOPLE.ana.id, spring!.id, speed!.id, 2, 'Slow "cold start",\nneeds tuning'),
    s(PEOPLE.ana.id, spring!.id, fit!.id, 3, "=SUM(A1:A9) is what Excel would run"),
    s(PEOPLE.ben.id, fastify!.id, speed!.id, 4, "Good enough"),
    s(PEOPLE.ben.id, spring!.id, speed!.id, 3 + bump),
    s(PEOPLE.ben.id, spring!.id, fit!.id, 1, "Nobody knows Java here"),
    s(PEOPLE.ben.id, own!.id, fit!.id, 2),
  ];
}

const at = (iso: string) => new Date(iso);

/** The snapshot db/queries/outcomes.ts would write for these inputs (optionally pseudonymised). */
export function snapshotFor(opts: { anonymous: boolean; round?: number; scores: RawScore[] }) {
  const named = {
    members: [PEOPLE.ana, PEOPLE.ben].sort((a, b) => a.name.localeCompare(b.name)),
    weights: WEIGHTS,
    scores: opts.scores.map(({ round: _round, ...s }) => s),
  };
  const ids = { optionIds: OPTIONS.map((o) => o.id), criterionIds: CRITERIA.map((c) => c.id) };
  const inputs = opts.anonymous ? pseudonymise(named, ids) : named;
  return {
    snapshotVersion: 1,
    takenAt: "2025-03-02T10:00:00.000Z",
    ...(opts.round ? { round: opts.round } : {}),
    decision: { id: DECISION, title: "Backend framework for payments", context: "Which framework?", anonymous: opts.anonymous },
    options: OPTIONS.map(({ position: _p, ...o }) => o),
    criteria: CRITERIA.map(({ position: _p, ...c }) => c),
    inputs,
    tally: tally({ options: OPTIONS, criteria: CRITERIA, members: inputs.members, weights: inputs.weights, scores: inputs.scores }),
  };
}

export type Variant = {
  status: ExportSource["decision"]["status"];
  anonymous?: boolean;
  rounds?: number;
  superseded?: boolean;
  deprecated?: boolean;
  chosen?: number;
};

export function source(variant: Variant): ExportSource {
  const anonymous = variant.anonymous ?? false;
  const rounds = variant.rounds ?? 1;
  const decided = variant.status === "decided";
  const revealed = decided || variant.status === "revealed";
  const allScores = Array.from({ length: rounds }, (_, i) => scoresOf(i + 1)).flat();
  const snapshot = decided ? snapshotFor({ anonymous, round: rounds > 1 ? rounds : undefined, scores: scoresOf(rounds) }) : null;
  const chosen = OPTIONS[variant.chosen ?? 0]!;
  return {
    decision: {
      id: DECISION,
      title: "Backend framework for payments",
      context: "Which framework?",
      status: variant.status,
      anonymous,
      currentRound: rounds,
      createdAt: at("2025-03-01T09:00:00.000Z"),
      revealedAt: revealed ? at("2025-03-02T09:00:00.000Z") : null,
      decidedAt: decided ? at("2025-03-02T10:00:00.000Z") : null,
      deprecatedAt: variant.deprecated ? at("2025-06-01T00:00:00.000Z") : null,
    },
    number: 3,
    supersededBy: variant.superseded ? { id: NEWER, number: 7, title: "Payments: move to Go" } : null,
    facilitator: PEOPLE.cleo,
    options: [...OPTIONS].reverse(),
    criteria: [...CRITERIA].reverse(),
    values: revealed ? { people: [PEOPLE.ben, PEOPLE.ana], weights: [...WEIGHTS].reverse(), scores: [...allScores].reverse() } : null,
    outcome: decided
      ? {
          chosenOptionId: chosen.id,
          chosenOptionName: chosen.name,
          record: {
            context: "We are leaving the monolith.",
            decision: "We build payments on Fastify.\n\n## Not a heading\n\n- a list item stays text",
            consequencesGood: "- Fast to ship\n* Shared types with the web client",
            consequencesBad: "We own more plumbing.",
            justification: variant.chosen ? "Hiring: we cannot staff the top option." : null,
          },
          snapshot,
          decidedAt: at("2025-03-02T10:00:00.000Z"),
          decidedBy: PEOPLE.cleo,
          amendments: [
            {
              at: at("2025-09-01T08:00:00.000Z"),
              authorName: PEOPLE.cleo.name,
              text: "We also run the reporting jobs on it.\n\nThe queue stays as it was.",
              reason: "Scope grew after the first release",
            },
          ],
          reviewDueAt: at("2025-09-02T10:00:00.000Z"),
          // Rows arrive oldest first; Ben's lesson tries to smuggle in a heading.
          reviews: [
            {
              authorName: PEOPLE.ana.name,
              at: at("2025-09-03T08:00:00.000Z"),
              learned: "Fast enough, but the team needed training.",
              scores: { [speed!.id]: 2, [fit!.id]: 5 },
            },
            { authorName: PEOPLE.ben.name, at: at("2025-09-04T08:00:00.000Z"), learned: "# Not a heading", scores: { [speed!.id]: 3 } },
          ],
        }
      : null,
    events: [
      {
        id: 12,
        type: "decision.created",
        actorName: PEOPLE.cleo.name,
        payload: { title: "Backend framework for payments", anonymous },
        createdAt: at("2025-03-01T09:00:00.000Z"),
        hash: linkHash(12),
      },
      {
        id: 15,
        type: "decision.edited",
        actorName: PEOPLE.ana.name,
        payload: { userId: PEOPLE.ana.id, z: 1, a: { name: "Ana" } },
        createdAt: at("2025-03-01T10:00:00.000Z"),
        hash: linkHash(15),
      },
      // As older versions wrote it: the count of scored cells showed progress before the reveal.
      { id: 16, type: "scores.submitted", actorName: PEOPLE.ben.name, payload: { cells: 4 }, createdAt: at("2025-03-01T11:00:00.000Z"), hash: linkHash(16) },
      {
        id: 14,
        type: "decision.phase_changed",
        actorName: PEOPLE.cleo.name,
        payload: { to: "weighting", from: "draft", reason: "facilitator" },
        createdAt: at("2025-03-01T09:30:00.000Z"),
        hash: linkHash(14),
      },
    ],
    chain: { head: linkHash(16), events: 9 },
  };
}

/** A stand-in for an event's chain hash: 64 hex digits that say which event it is. */
export function linkHash(eventId: number): string {
  return eventId.toString(16).padStart(64, "0");
}

export const ALL_NAMES = [PEOPLE.ana.name, PEOPLE.ben.name, PEOPLE.cleo.name, "Ana", "Benny", "Cleo"];
export const ALL_USER_IDS = Object.values(PEOPLE).map((p) => p.id);
