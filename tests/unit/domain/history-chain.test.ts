import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { CHAIN_START, type ChainLink, chainText, reachesHead, walkChain } from "../../../lib/domain/history-chain";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const TEAM = "11111111-1111-4111-8111-111111111111";
const ACTOR = "22222222-2222-4222-8222-222222222222";

// Worked by hand: each text below was written out and hashed with `printf '...' | sha256sum`.
const FIRST_HASH = "dc9af1dacd4c5bb0e73ec9382692a7c7ed17b5534ccac476171e8154f6e6cff1";
const SECOND_HASH = "135aba8fc2815607897065546072d3a8a266a3882e22e20b53b57a844ca4c761";

const first: ChainLink = {
  id: 42,
  teamSeq: 1,
  teamId: TEAM,
  decisionId: null,
  actorId: ACTOR,
  type: "team.created",
  createdMicros: "1764500000000000",
  payloadText: '{"name": "Platform"}',
  prevHash: "",
  hash: FIRST_HASH,
};
const second: ChainLink = {
  id: 43,
  teamSeq: 2,
  teamId: TEAM,
  decisionId: "33333333-3333-4333-8333-333333333333",
  actorId: ACTOR,
  type: "decision.created",
  createdMicros: "1764500001000001",
  payloadText: '{"title": "Pick a framework"}',
  prevHash: FIRST_HASH,
  hash: SECOND_HASH,
};

describe("the history chain", () => {
  test("hashes the text worked by hand: version, previous hash, place, fields, time and payload, a line each", () => {
    expect(chainText(first, "")).toBe(`verdict-event-v1\n\n1\n42\n${TEAM}\n\n${ACTOR}\nteam.created\n1764500000000000\n{"name": "Platform"}`);
    expect(sha256(chainText(first, ""))).toBe(FIRST_HASH);
    expect(sha256(chainText(second, FIRST_HASH))).toBe(SECOND_HASH);
  });

  test("an intact chain is walked to its head", () => {
    const walk = walkChain([first, second], CHAIN_START, sha256);
    expect(walk.broken).toBeNull();
    expect(walk.at).toEqual({ seq: 2, hash: SECOND_HASH, count: 2 });
    expect(walk.lastIntact).toBe(second);
    expect(reachesHead(walk.at, { seq: 2, hash: SECOND_HASH })).toBe(true);
  });

  test("names the first event that does not hold, and why", () => {
    const edited = { ...first, payloadText: '{"name": "Platform team"}' };
    expect(walkChain([edited, second], CHAIN_START, sha256).broken).toEqual({ link: edited, reason: "changed" });

    // Re-hashing the edited event does not help: the next one no longer follows it.
    const rehashed = { ...edited, hash: sha256(chainText(edited, "")) };
    expect(walkChain([rehashed, second], CHAIN_START, sha256)).toMatchObject({ broken: { link: second, reason: "unlinked" }, at: { seq: 1 } });

    expect(walkChain([second], CHAIN_START, sha256).broken).toEqual({ link: second, reason: "missing" });
  });

  test("a chain cut short at the end does not reach the recorded head", () => {
    const walk = walkChain([first], CHAIN_START, sha256);
    expect(walk.broken).toBeNull();
    expect(reachesHead(walk.at, { seq: 2, hash: SECOND_HASH })).toBe(false);
    expect(reachesHead(CHAIN_START, null)).toBe(true);
  });
});
