/**
 * `npm run bench:ab`: does the working tree serve a page on less CPU than a commit does?
 *
 * One build measured after another differs by as much as a change does on a shared machine (±15%
 * from one minute to the next was seen on a 2-core VM), so the two are never measured in turn here:
 * the commit's build (A) and the working tree's (B) serve the same seeded database at the same
 * time, each under the same autocannon load, round after round. What each round compares is what
 * both servers met together: requests answered, and each server's CPU per request read from /proc.
 * The answer is B's CPU per request over A's, pooled over every round, with each round's own ratio
 * beside it to show how far one round can be trusted. Run it once with nothing changed first: how
 * far apart two identical builds land says how large a difference this machine can show.
 *
 *   npm run bench:ab                      the working tree (uncommitted changes included) against HEAD
 *   AB_BASE=main~3 npm run bench:ab       ... against another commit
 *   AB_SCENARIOS=scores-page,team-page    pages to compare (default scores-page): scores-page,
 *                                         weights-page, decision-page, results-page, team-page
 *   AB_ROUNDS=6  AB_DURATION=15  AB_CONNECTIONS=10  AB_WARM_UP=15 (seconds of untimed load first)
 *   AB_PORT=3430 (A; B is AB_PORT + 1)    BENCH_DATABASE_URL (default verdict_load, reseeded as by bench:load)
 *
 * A is checked out with `git worktree` in .data/bench-ab/base and built there, beside the working
 * tree's own build (.next is rebuilt). Both run on the working tree's node_modules (hardlinked into
 * the checkout), so this compares code, not dependencies. The database's CPU is not split between
 * the two servers and is left out. Nothing is written to the repository.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { drive, type Measured, type Target } from "./load/drive";
import { abFigures, type AbSide } from "./load/report";
import { MEMBERS, seedLoadDatabase } from "./load/seed";
import { cpuBetween, cpuSnapshot, nextBuild, nextStart, ROOT, type Server, waitIdle } from "./load/servers";
import { signInAll } from "./load/sessions";
import { APP_ROLE, appEnv, benchPages, DEFAULT_DATABASE_URL, PAGE_SCENARIOS, type PageScenario, SECRET } from "./load/setup";

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} is a number above 0, not ${process.env[name]}`);
  return value;
};
const BASE_REF = process.env.AB_BASE ?? "HEAD";
const ROUNDS = positive("AB_ROUNDS", 6);
const DURATION = positive("AB_DURATION", 15);
const CONNECTIONS = positive("AB_CONNECTIONS", 10);
const WARM_UP = positive("AB_WARM_UP", 15);
const PORT = positive("AB_PORT", 3430);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
const DATABASE_NAME = new URL(DATABASE_URL).pathname.slice(1);
const SCENARIOS = (process.env.AB_SCENARIOS ?? "scores-page").split(",").map((s) => s.trim());
for (const scenario of SCENARIOS) {
  if (!(PAGE_SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`unknown scenario ${scenario}; pages are ${PAGE_SCENARIOS.join(", ")}`);
}
const CHECKOUT = path.join(ROOT, ".data/bench-ab/base");

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();

/** A fresh checkout of the base commit, with the working tree's node_modules linked file by file. */
function checkOutBase(): string {
  const commit = git("rev-parse", "--verify", `${BASE_REF}^{commit}`);
  if (existsSync(CHECKOUT)) git("worktree", "remove", "--force", CHECKOUT);
  git("worktree", "prune");
  mkdirSync(path.dirname(CHECKOUT), { recursive: true });
  git("worktree", "add", "--detach", CHECKOUT, commit);
  // Hard links: a second node_modules in seconds and no disk, which Turbopack resolves as its own.
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(CHECKOUT, "node_modules")]);
  return commit;
}

type Side = AbSide & { measured: Measured };
type Round = { a: Side; b: Side };

/** Both servers under the same load at once; each one's req/s and server CPU per answered request. */
async function roundOf(a: Server, b: Server, targetA: Target, targetB: Target): Promise<Round> {
  await waitIdle([a, b]);
  const before = [cpuSnapshot(a, DATABASE_NAME), cpuSnapshot(b, DATABASE_NAME)] as const;
  const [measuredA, measuredB] = await Promise.all([drive(targetA, CONNECTIONS, DURATION), drive(targetB, CONNECTIONS, DURATION)]);
  const side = (server: Server, measured: Measured, i: 0 | 1): Side => ({
    measured,
    answered: measured.ok,
    seconds: DURATION,
    cpuMs: cpuBetween(before[i], cpuSnapshot(server, DATABASE_NAME)).server,
  });
  return { a: side(a, measuredA, 0), b: side(b, measuredB, 1) };
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

async function main() {
  const commit = checkOutBase();
  console.log(`A: ${BASE_REF} (${commit.slice(0, 10)}) in ${path.relative(ROOT, CHECKOUT)}; B: the working tree. Seeding ${DATABASE_URL} and building both.`);
  const [{ handle, seeded }] = await Promise.all([
    seedLoadDatabase(DATABASE_URL, APP_ROLE),
    nextBuild(CHECKOUT, "ab-base", path.join(CHECKOUT, "node_modules/next/dist/bin/next")),
    nextBuild(ROOT, "ab-work"),
  ]).catch((error: unknown) => {
    // A build that failed leaves no checkout behind (its log stays in .data/bench-load/).
    git("worktree", "remove", "--force", CHECKOUT);
    throw error;
  });
  const cookies = await signInAll(handle.db, SECRET, seeded.members);
  // Connection n is member n + 2, as in bench:load: plain members, never the team's owner.
  const headersFor = (n: number) => ({ cookie: cookies[1 + (n % (MEMBERS - 1))]! });
  const servers: Server[] = [];
  let failed = false;
  try {
    const env = appEnv(DATABASE_URL);
    servers.push(await nextStart(CHECKOUT, "ab-base", PORT, env, "/sign-in", [], path.join(CHECKOUT, "node_modules/next/dist/bin/next")));
    servers.push(await nextStart(ROOT, "ab-work", PORT + 1, env, "/sign-in"));
    const [a, b] = servers as [Server, Server];
    const pages = benchPages(seeded);
    const lines: string[] = [];
    for (const scenario of SCENARIOS as PageScenario[]) {
      const page = pages[scenario];
      const target = (server: Server): Target => ({ url: `${server.base}${page.path}`, headersFor, verify: (body) => body.includes(page.marker) });
      await Promise.all([drive(target(a), CONNECTIONS, WARM_UP), drive(target(b), CONNECTIONS, WARM_UP)]);
      const rounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const round = await roundOf(a, b, target(a), target(b));
        rounds.push(round);
        const errors = round.a.measured.errors + round.b.measured.errors;
        if (errors > 0) failed = true;
        const ratios = abFigures([round]);
        const each = (side: Side) => `${fixed(side.answered / side.seconds, 1)} req/s, ${fixed(side.cpuMs / side.answered)} ms CPU/req`;
        console.log(
          `${scenario} round ${i + 1}: A ${each(round.a)}; B ${each(round.b)}; B/A req/s ${fixed(ratios.rps.median)}, CPU/req ${fixed(ratios.cpuPerRequest.median)}${errors ? `; ERRORS ${errors}` : ""}`,
        );
      }
      const { rps, cpuPerRequest } = abFigures(rounds);
      const kb = (side: "a" | "b") => Math.round(rounds.reduce((sum, r) => sum + r[side].measured.bytes, 0) / rounds.length / 1024);
      const list = (xs: number[]) => xs.map((x) => fixed(x)).join(" ");
      lines.push(
        `${scenario}: B/A CPU per request ${fixed(cpuPerRequest.pooled)} over all rounds, median ${fixed(cpuPerRequest.median)} (rounds ${list(cpuPerRequest.byRound)}); B/A req/s median ${fixed(rps.median)} (rounds ${list(rps.byRound)}); ${kb("a")} → ${kb("b")} KB per response`,
      );
    }
    console.log(
      `\nB (working tree) against A (${BASE_REF}, ${commit.slice(0, 10)}): ${ROUNDS} rounds of ${DURATION} s, ${CONNECTIONS} connections on each server at once`,
    );
    console.log(lines.join("\n"));
    console.log(
      "Under 1 for CPU per request (over 1 for req/s) is B cheaper. A round-to-round spread as wide as the difference means no difference was shown.",
    );
    if (failed) console.error("FAILED: some requests erred; server logs in .data/bench-load/ab-*-server.log");
  } catch (error) {
    console.error(error);
    failed = true;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await handle.close();
    git("worktree", "remove", "--force", CHECKOUT);
  }
  process.exit(failed ? 1 : 0);
}

await main();
