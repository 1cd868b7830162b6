/**
 * `npm run bench:profile -- <a.cpuprofile> [<b.cpuprofile>]`: where a server's CPU went, by source.
 *
 * Reads V8 CPU profiles (Node's --cpu-prof, as `bench:load` writes them with
 * BENCH_SERVER_NODE_ARGS and BENCH_FLOOR_NODE_ARGS) and charges each sample's time to where its
 * code came from: a file of this project, a package, Next's runtime, a part of Node, the garbage
 * collector. Code bundled into the build's server chunks is traced back through the chunks' own
 * source maps; native frames (JSON.parse, a socket write) count for the JavaScript that called
 * them, except socket writes, which are their own line. Two profiles print side by side.
 *
 *   --skip=8              leave out each profile's first seconds (start-up, compiling routes)
 *   --ms-per-request=3.75,2.45   print milliseconds per request instead of shares: each profile's
 *                         CPU per request (bench:load prints it), split in the profile's proportions
 *   --by=package          packages and project folders (default); --by=file names each file
 *   --top=25              lines printed
 *   --names=Verdict,floor the columns' names (default: each profile's folder)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SourceMapConsumer } from "source-map-js";
import { type CallFrame, chargeProfile, type CpuProfile, ownerOfFile } from "./profile/attribution";

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const files = args.filter((a) => !a.startsWith("--"));
function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error(
    "usage: npm run bench:profile -- <a.cpuprofile> [<b.cpuprofile>] [--skip=S] [--ms-per-request=A,B] [--by=package|file] [--top=N] [--names=A,B]",
  );
  process.exit(2);
}
if (files.length < 1 || files.length > 2) usage();
const SKIP_US = Number(option("skip") ?? 0) * 1e6;
const PER_REQUEST = option("ms-per-request")?.split(",").map(Number);
const BY_FILE = option("by") === "file";
const TOP = Number(option("top") ?? 25);
const NAMES = option("names")?.split(",") ?? files.map((f) => path.basename(path.dirname(path.resolve(f))));
if (!(SKIP_US >= 0) || !(TOP > 0)) usage("--skip is seconds, 0 or more; --top a count above 0");
if (PER_REQUEST && (PER_REQUEST.length !== files.length || !PER_REQUEST.every((ms) => ms > 0))) usage("--ms-per-request takes one figure above 0 per profile");
if (NAMES.length !== files.length) usage("--names takes one name per profile");

const maps = new Map<string, SourceMapConsumer | null>();
function sourceMapOf(url: string): SourceMapConsumer | null {
  if (!maps.has(url)) {
    let consumer: SourceMapConsumer | null = null;
    try {
      consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${url.replace(/^file:\/\//, "")}.map`, "utf8")));
    } catch {
      // No map beside it (Node's own files, a package loaded from node_modules): named by its path.
    }
    maps.set(url, consumer);
  }
  return maps.get(url)!;
}

function ownerOfFrame({ url, lineNumber, columnNumber }: CallFrame): string {
  const map = url.includes("/chunks/") ? sourceMapOf(url) : null;
  const source = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber }).source;
  return ownerOfFile(source ?? url, BY_FILE);
}

function charge(file: string) {
  let profile: CpuProfile;
  try {
    profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  } catch (error) {
    return usage(`${file} could not be read as a CPU profile: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(profile?.nodes) || !Array.isArray(profile.samples) || !Array.isArray(profile.timeDeltas)) usage(`${file} is not a V8 CPU profile`);
  const charged = chargeProfile(profile, ownerOfFrame, SKIP_US);
  if (charged.busy === 0) usage(`${file} has no busy time${SKIP_US ? " after --skip" : ""}`);
  return charged;
}

const sides = files.map(charge);
const rows = [...new Set(sides.flatMap((s) => [...s.by.keys()]))]
  .map((owner) => ({ owner, values: sides.map((s, i) => ((s.by.get(owner) ?? 0) / s.busy) * (PER_REQUEST?.[i] ?? 100)) }))
  .sort((a, b) => b.values[0]! - a.values[0]!);
const unit = PER_REQUEST ? "ms/request" : "% of busy";
const width = Math.max(...rows.slice(0, TOP).map((r) => r.owner.length), 10);
console.log(`${"where".padEnd(width)}  ${NAMES.map((name) => `${name} ${unit}`.padStart(24)).join("")}`);
for (const row of rows.slice(0, TOP)) console.log(`${row.owner.padEnd(width)}  ${row.values.map((v) => v.toFixed(PER_REQUEST ? 3 : 1).padStart(24)).join("")}`);
const shown = (i: number) => rows.slice(0, TOP).reduce((sum, r) => sum + r.values[i]!, 0);
console.log(
  `${"(the rest)".padEnd(width)}  ${sides
    .map((_, i) =>
      Math.max(0, (PER_REQUEST?.[i] ?? 100) - shown(i))
        .toFixed(PER_REQUEST ? 3 : 1)
        .padStart(24),
    )
    .join("")}`,
);
console.log(`busy CPU in the profile${SKIP_US ? ` after the first ${SKIP_US / 1e6} s` : ""}: ${sides.map((s) => `${(s.busy / 1e6).toFixed(1)} s`).join(", ")}`);
