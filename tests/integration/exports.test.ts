import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { appendEvent, listDecisionEvents } from "../../db/queries/events";
import { historyHead } from "../../db/queries/history";
import { criteria, events, options, outcomes, scores, weights } from "../../db/schema";
import { NotFoundError } from "../../lib/errors";
import { decisionJsonSchema, formatDecisionJson } from "../../lib/exports/decision-json";
import { formatMadr } from "../../lib/exports/madr";
import { formatRadarCsv } from "../../lib/exports/radar";
import { formatScoresCsv } from "../../lib/exports/scores-csv";
import {
  type CellSpec,
  createDecisionFixture,
  type DecisionFixture,
  decideInput,
  type DraftOverrides,
  ensureCatalog,
  moveTo,
  scoreSheet,
  weightSheet,
} from "../support/decision-factories";
import { describeEachDriver } from "../support/drivers";
import { createTeamWith, createUser, type TestUser, uniqueSuffix } from "../support/factories";
import { decide, deprecate, exportDecision, openNextRound, saveScores, saveWeights, supersede, teamRadar } from "../support/use-cases";

type Person = "facilitator" | "ana" | "ben" | "viewer" | "outsider";

// Names no export text could contain by accident, so "the name is absent" means something.
const NAMES: Record<Person, string> = {
  facilitator: "Quillon Facilitatorsson",
  ana: "Anaxandra Vellichor",
  ben: "Benedikt Zwolinski",
  viewer: "Viola Onlooker",
  outsider: "Oswin Outerbridge",
};
const SEALED_COMMENT = "sealed-comment-do-not-leak";

const WEIGHTS: Partial<Record<Person, number[]>> = { ana: [8, 2], ben: [5, 5], facilitator: [3, 7] };
const SCORES: Partial<Record<Person, CellSpec[]>> = {
  ana: [
    { option: 0, criterion: 0, score: 5, comment: `${SEALED_COMMENT}: fastest, "by far", in our benchmark`, evidence: "https://bench.example.com/a" },
    { option: 0, criterion: 1, score: 4 },
    { option: 1, criterion: 0, score: 2, comment: "Slow,\nneeds tuning" },
    { option: 1, criterion: 1, score: 3 },
  ],
  ben: [
    { option: 0, criterion: 0, score: 4 },
    { option: 1, criterion: 0, score: 3 },
    { option: 1, criterion: 1, score: 1, comment: "Nobody here knows it" },
    { option: 2, criterion: 1, score: 2 },
  ],
};
const VOTERS = ["ana", "ben", "facilitator"] as const;
const SCORERS = ["ana", "ben"] as const;

describeEachDriver("exports", (ctx) => {
  let u: Record<Person, TestUser>;
  let teamId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    await ensureCatalog(ctx.db);
    const people = await Promise.all((Object.keys(NAMES) as Person[]).map((p) => createUser(ctx.db, { name: NAMES[p] })));
    u = Object.fromEntries((Object.keys(NAMES) as Person[]).map((p, i) => [p, people[i]!])) as Record<Person, TestUser>;
    teamId = (await createTeamWith(ctx.db, { owner: u.facilitator, member: [u.ana, u.ben], viewer: u.viewer })).id;
    // A second team that Ana also belongs to, and the outsider's own team.
    otherTeamId = (await createTeamWith(ctx.db, { owner: u.outsider, member: u.ana })).id;
  });

  /** A decision of the team moved to `phase`, with the fixed weights and scores entered on the way. */
  async function decisionAt(phase: "draft" | "weighting" | "scoring" | "revealed" | "decided", overrides: DraftOverrides = {}) {
    const fx = await createDecisionFixture(ctx.db, u.facilitator.id, teamId, overrides);
    if (phase === "draft") return fx;
    await moveTo(ctx.db, fx, "weighting");
    for (const p of VOTERS) await saveWeights(ctx.db, u[p].id, weightSheet(fx, WEIGHTS[p]!));
    if (phase === "weighting") return fx;
    await moveTo(ctx.db, fx, "scoring");
    for (const p of SCORERS) await saveScores(ctx.db, u[p].id, scoreSheet(fx, SCORES[p]!));
    if (phase === "scoring") return fx;
    await moveTo(ctx.db, fx, "revealed");
    if (phase === "revealed") return fx;
    await decide(ctx.db, u.facilitator.id, decideInput(fx, fx.options[0]!.id, { justification: "In case the tally disagrees" }));
    return fx;
  }

  const load = (fx: DecisionFixture, as: Person = "ana") => exportDecision(ctx.db, u[as].id, fx.teamId, fx.decisionId);

  async function allFormats(fx: DecisionFixture, as: Person = "ana") {
    const doc = await load(fx, as);
    return { doc, json: formatDecisionJson(doc), madr: formatMadr(doc), csv: doc.sealed ? null : formatScoresCsv(doc) };
  }

  describe("before the reveal", () => {
    test.each(["draft", "weighting", "scoring"] as const)("%s: structure and history only, no weight or score", async (phase) => {
      const fx = await decisionAt(phase);
      const { doc, json, madr } = await allFormats(fx);
      expect(doc).toMatchObject({ sealed: true, frozen: false, round: null, members: [], weights: [], rounds: [], tally: null, outcome: null });
      expect(doc.options.map((o) => o.id)).toEqual(fx.options.map((o) => o.id));
      expect(doc.criteria.map((c) => c.id)).toEqual(fx.criteria.map((c) => c.id));
      expect(doc.history[0]!.type).toBe("decision.created");
      for (const text of [json, madr]) {
        expect(text).not.toContain(SEALED_COMMENT);
        expect(text).not.toContain("group weight");
        expect(text).not.toContain('"weight"');
        expect(text).not.toContain('"score"');
      }
      expect(decisionJsonSchema.parse(JSON.parse(json))).toStrictEqual(doc);
    });

    test("the history says who submitted or updated a sheet, never how many cells: not for new events, not for older ones", async () => {
      const fx = await decisionAt("scoring");
      // An event as older versions wrote it, with the count that told how far a member got.
      await appendEvent(ctx.db, { teamId, decisionId: fx.decisionId, actorId: u.ben.id, type: "scores.updated", payload: { cells: 7 } });
      const ballotEvents = (history: { type: string; payload: unknown }[]) =>
        history.filter((e) => /^(scores|weights)\./.test(e.type)).map((e) => [e.type, e.payload]);
      const expected = [...VOTERS.map(() => ["weights.submitted", {}]), ...SCORERS.map(() => ["scores.submitted", {}]), ["scores.updated", {}]];

      const { doc, json } = await allFormats(fx);
      expect(ballotEvents(doc.history)).toEqual(expected);
      expect(json).not.toMatch(/"cells"/);
      expect(ballotEvents(await listDecisionEvents(ctx.db, teamId, fx.decisionId))).toEqual(expected);
    });

    test("every exported event carries its link in the team's hash chain, and the export the chain's head", async () => {
      const fx = await decisionAt("scoring");
      const { doc, madr } = await allFormats(fx);
      const stored = await ctx.db.select({ id: events.id, hash: events.hash }).from(events).where(eq(events.decisionId, fx.decisionId));
      expect(doc.history.map((e) => [e.id, e.hash])).toEqual(stored.sort((a, b) => a.id - b.id).map((e) => [e.id, e.hash]));
      const head = await historyHead(ctx.db, teamId);
      expect(doc.chain).toEqual({ head: head!.hash, events: head!.seq });
      expect(madr).toContain(`the latest with hash ${head!.hash}`);
    });

    test("a withdrawn decision stays sealed, even withdrawn after the reveal", async () => {
      const fx = await decisionAt("revealed");
      await moveTo(ctx.db, fx, "withdrawn");
      const { doc, json } = await allFormats(fx);
      expect(doc).toMatchObject({ sealed: true, members: [], weights: [], rounds: [], tally: null });
      expect(doc.decision.adrStatus).toBe("rejected");
      expect(json).not.toContain(SEALED_COMMENT);
    });
  });

  describe("after the reveal", () => {
    test("every member's weights and scores by name, and the tally", async () => {
      const fx = await decisionAt("revealed");
      const { doc, csv } = await allFormats(fx, "viewer");
      expect(doc.sealed).toBe(false);
      expect(doc.frozen).toBe(false);
      expect(doc.round).toBe(1);
      expect(doc.members.map((m) => m.name)).toEqual([NAMES.ana, NAMES.ben, NAMES.facilitator]);
      expect(doc.weights).toHaveLength(VOTERS.length * fx.criteria.length);
      expect(doc.rounds.map((r) => [r.round, r.scores.length])).toEqual([[1, 8]]);
      expect(doc.rounds[0]!.scores[0]).toEqual({
        memberId: u.ana.id,
        optionId: fx.options[0]!.id,
        criterionId: fx.criteria[0]!.id,
        score: 5,
        comment: SCORES.ana![0]!.comment,
        evidenceUrl: "https://bench.example.com/a",
      });
      expect(doc.tally!.winners).toEqual([fx.options[0]!.id]);
      // Ana and Ben each get a full grid: 2 members × 3 options × 2 criteria, plus the header.
      expect(
        csv!
          .trimEnd()
          .split("\n")
          .filter((line) => /^\d,/.test(line)),
      ).toHaveLength(12);
    });

    test("the same database state gives the same bytes", async () => {
      const fx = await decisionAt("revealed");
      const first = await allFormats(fx);
      const second = await allFormats(fx);
      expect(second.json).toBe(first.json);
      expect(second.madr).toBe(first.madr);
      expect(second.csv).toBe(first.csv);
    });

    test("scores of every round, the tally of the current one; sealed again while a new round is scored", async () => {
      const fx = await decisionAt("revealed");
      await openNextRound(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, round: 1 });
      await saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 1, criterion: 0, score: 5, comment: "round-two-comment" }]));
      await saveScores(ctx.db, u.ben.id, scoreSheet(fx, [{ option: 1, criterion: 0, score: 5 }]));
      // Scoring round 2: the round 1 results were shown, but nothing leaves while members re-score.
      const during = await allFormats(fx);
      expect(during.doc).toMatchObject({ sealed: true, members: [], weights: [], rounds: [], tally: null });
      expect(during.json).not.toContain("round-two-comment");
      expect(during.json).not.toContain(SEALED_COMMENT);

      await moveTo(ctx.db, fx, "revealed");
      const doc = await load(fx);
      expect(doc.decision.currentRound).toBe(2);
      expect(doc.round).toBe(2);
      expect(doc.rounds.map((r) => [r.round, r.scores.length])).toEqual([
        [1, 8],
        [2, 2],
      ]);
      expect(doc.tally!.winners).toEqual([fx.options[1]!.id]);
      expect(formatMadr(doc)).toContain("round-two-comment");
    });
  });

  describe("decided", () => {
    test("values come from the frozen snapshot: later edits of the rows change nothing", async () => {
      const fx = await decisionAt("decided");
      const before = await allFormats(fx);
      expect(before.doc.frozen).toBe(true);
      expect(before.doc.outcome).toMatchObject({ chosenOptionId: fx.options[0]!.id, decidedBy: NAMES.facilitator });

      await ctx.db.update(scores).set({ score: 1, comment: "tampered" }).where(eq(scores.decisionId, fx.decisionId));
      await ctx.db.update(weights).set({ weight: 0 }).where(eq(weights.decisionId, fx.decisionId));
      await ctx.db
        .update(options)
        .set({ name: sql`${options.name} || ' (renamed)'` })
        .where(eq(options.decisionId, fx.decisionId));
      await ctx.db.update(criteria).set({ description: "changed" }).where(eq(criteria.decisionId, fx.decisionId));

      const after = await allFormats(fx);
      expect(after.json).toBe(before.json);
      expect(after.madr).toBe(before.madr);
      expect(after.csv).toBe(before.csv);
      expect(after.json).not.toContain("tampered");
    });

    test("history appended later is included; the frozen values stay as they were", async () => {
      const fx = await decisionAt("decided");
      const before = await load(fx);
      await deprecate(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId });
      const after = await load(fx);
      expect(after.decision.adrStatus).toBe("deprecated");
      expect(after.history.map((e) => e.type).slice(-1)).toEqual(["decision.deprecated"]);
      expect(after.history.slice(0, before.history.length)).toEqual(before.history);
      for (const key of ["options", "criteria", "members", "weights", "rounds", "tally", "outcome"] as const) expect(after[key]).toEqual(before[key]);
      expect(formatMadr(after)).toMatch(/^---\nstatus: "deprecated"\n/);
    });

    test("decided in round 2: the deciding round frozen, round 1 from the rows", async () => {
      const fx = await decisionAt("revealed");
      await openNextRound(ctx.db, u.facilitator.id, { teamId, decisionId: fx.decisionId, round: 1 });
      await saveScores(ctx.db, u.ana.id, scoreSheet(fx, [{ option: 1, criterion: 0, score: 5 }]));
      await moveTo(ctx.db, fx, "decided");
      const before = await allFormats(fx);
      expect(before.doc.round).toBe(2);
      expect(before.doc.rounds.map((r) => [r.round, r.scores.length])).toEqual([
        [1, 8],
        [2, 1],
      ]);
      await ctx.db
        .update(scores)
        .set({ comment: "tampered" })
        .where(and(eq(scores.decisionId, fx.decisionId), eq(scores.round, 2)));
      expect((await allFormats(fx)).json).toBe(before.json);
    });

    test("a snapshot taken before rounds existed, without a round, is round 1", async () => {
      const fx = await decisionAt("decided");
      await ctx.db
        .update(outcomes)
        .set({ snapshot: sql`${outcomes.snapshot} - 'round'` })
        .where(eq(outcomes.decisionId, fx.decisionId));
      const doc = await load(fx);
      expect(doc.round).toBe(1);
      expect(doc.rounds.map((r) => r.round)).toEqual([1]);
    });

    test("superseded: the status names the newer record's number", async () => {
      const old = await decisionAt("decided");
      const newer = await decisionAt("decided");
      await supersede(ctx.db, u.facilitator.id, { teamId, decisionId: old.decisionId, supersededById: newer.decisionId });
      const [oldDoc, newerDoc] = await Promise.all([load(old), load(newer)]);
      expect(newerDoc.decision.number).toBeGreaterThan(oldDoc.decision.number);
      expect(oldDoc.decision.supersededBy).toEqual({ id: newer.decisionId, number: newerDoc.decision.number, title: newerDoc.decision.title });
      expect(formatMadr(oldDoc)).toContain(`status: "superseded by ADR-${String(newerDoc.decision.number).padStart(4, "0")}"`);
      expect(newerDoc.history.map((e) => e.type)).toContain("decision.supersedes");
    });
  });

  describe("anonymous decisions", () => {
    test.each(["scoring", "revealed", "decided"] as const)("%s: no export names or identifies a member", async (phase) => {
      const fx = await decisionAt(phase, { anonymous: true });
      const { doc, json, madr, csv } = await allFormats(fx);
      const identities = (Object.keys(NAMES) as Person[]).flatMap((p) => [u[p].name, u[p].email, u[p].id]);
      for (const text of [json, madr, csv ?? ""]) {
        for (const identity of identities) expect(text).not.toContain(identity);
      }
      expect(doc.decision.facilitator).toBeNull();
      expect(doc.history.every((e) => e.actor === null)).toBe(true);
      if (phase !== "scoring") {
        expect(doc.members.map((m) => m.name)).toEqual(["Member 1", "Member 2", "Member 3"]);
        expect(csv!.split("\n")[0]).toBe("round,option,criterion,n,mean,sd");
      }
    });
  });

  describe("who may export", () => {
    test("every member of the team, viewers included", async () => {
      const fx = await decisionAt("revealed");
      for (const p of ["facilitator", "ana", "ben", "viewer"] as const) await expect(load(fx, p)).resolves.toMatchObject({ sealed: false });
    });

    test("nobody else: not found, as for a decision that does not exist", async () => {
      const fx = await decisionAt("revealed");
      await expect(load(fx, "outsider")).rejects.toThrow(NotFoundError);
      // Ana is in both teams, but the decision is not in the other one.
      await expect(exportDecision(ctx.db, u.ana.id, otherTeamId, fx.decisionId)).rejects.toThrow(NotFoundError);
      await expect(exportDecision(ctx.db, u.ana.id, teamId, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(NotFoundError);
    });
  });

  describe("ADR numbers", () => {
    test("each decision's place in its team's log, by creation", async () => {
      const ownTeam = (await createTeamWith(ctx.db, { owner: u.facilitator }, `Numbers ${uniqueSuffix()}`)).id;
      const created: DecisionFixture[] = [];
      for (let i = 0; i < 3; i++) created.push(await createDecisionFixture(ctx.db, u.facilitator.id, ownTeam));
      const numbers = await Promise.all(created.map(async (fx) => (await load(fx, "facilitator")).decision.number));
      expect(numbers).toEqual([1, 2, 3]);
    });
  });

  describe("tech radar", () => {
    test("chosen options of the team's decided decisions; superseded ones on hold; other teams left out", async () => {
      const radarTeam = (await createTeamWith(ctx.db, { owner: u.facilitator, member: [u.ana, u.ben], viewer: u.viewer }, `Radar ${uniqueSuffix()}`)).id;
      const inRadarTeam = async (first: string, anonymous = false) => {
        const fx = await createDecisionFixture(ctx.db, u.facilitator.id, radarTeam, {
          anonymous,
          customOptions: [
            { name: first, description: "", link: null },
            { name: `Runner-up ${uniqueSuffix()}`, description: "", link: null },
          ],
        });
        await moveTo(ctx.db, fx, "decided");
        return fx;
      };
      const old = await inRadarTeam("Express");
      const newer = await inRadarTeam("Fastify", true);
      await createDecisionFixture(ctx.db, u.facilitator.id, radarTeam); // a draft: not on the radar
      await supersede(ctx.db, u.facilitator.id, { teamId: radarTeam, decisionId: old.decisionId, supersededById: newer.decisionId });
      // A decided decision of another team must not appear.
      const elsewhere = await createDecisionFixture(ctx.db, u.outsider.id, otherTeamId, {
        customOptions: [
          { name: "Elsewhere", description: "", link: null },
          { name: "Other", description: "", link: null },
        ],
      });
      await moveTo(ctx.db, elsewhere, "decided");

      const { teamName, radar } = await teamRadar(ctx.db, u.viewer.id, radarTeam);
      expect(teamName).toMatch(/^Radar /);
      expect(radar.entries.map((e) => [e.name, e.ring, e.quadrant, e.isNew])).toEqual([
        ["Fastify", "Adopt", "Languages & Frameworks", true],
        ["Express", "Hold", "Languages & Frameworks", true],
      ]);
      expect(radar.entries[1]!.description).toContain("superseded by ADR-0002");
      const text = formatRadarCsv(radar);
      expect(text.split("\n")[0]).toBe("name,ring,quadrant,isNew,description");
      expect(formatRadarCsv((await teamRadar(ctx.db, u.ana.id, radarTeam)).radar)).toBe(text);
    });

    test("only members of the team", async () => {
      await expect(teamRadar(ctx.db, u.outsider.id, teamId)).rejects.toThrow(NotFoundError);
      await expect(teamRadar(ctx.db, u.viewer.id, teamId)).resolves.toBeDefined();
    });
  });
});
