// Where each sample of a V8 CPU profile belongs (see bench/profile-report.ts). Pure: how a frame
// maps to its source is handed in, so this runs on any profile, with or without source maps.

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
export type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

const SOCKET_WRITES = new Set(["writeBuffer", "writev", "writeUtf8String", "writeLatin1String"]);
const OWN_LINE = new Set(["(garbage collector)", "(program)", "(idle)"]);

/** "next", "zod", "node:webstreams", "lib/services" (or the file, `byFile`): where a file's code belongs. */
export function ownerOfFile(file: string, byFile = false): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  // drizzle-orm's maps name its sources "src/…" with no package: they are drizzle's.
  if (pkg) return pkg[1] === "src" ? "drizzle-orm" : pkg[1]!;
  if (file.startsWith("node:")) {
    const part = file
      .slice(5)
      .replace(/^internal\//, "")
      .replace(/^deps\//, "");
    return `node:${byFile ? part : part.split("/")[0]}`;
  }
  if (file.includes("[turbopack]")) return "turbopack runtime";
  if (file.includes("/.next/")) return "(build, no source map)";
  const project = decodeURIComponent(file.replace(/^(\.\.\/)+/, "").replace(/^.*\[project\]\//, ""));
  if (byFile) return project;
  const folder = project.split("/").slice(0, -1).join("/");
  return folder || project;
}

/**
 * Busy microseconds by owner, leaving out idle time and the first `skipUs`. A frame with no
 * script (a native function) counts for the nearest frame above it that has one; socket writes,
 * the garbage collector and V8's own `(program)` are lines of their own.
 */
export function chargeProfile(profile: CpuProfile, ownerOfFrame: (frame: CallFrame) => string, skipUs = 0): { busy: number; by: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const owners = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owners.get(id);
    if (known !== undefined) return known;
    const { callFrame } = nodes.get(id)!;
    const parent = parents.get(id);
    const owner = OWN_LINE.has(callFrame.functionName)
      ? callFrame.functionName
      : SOCKET_WRITES.has(callFrame.functionName)
        ? "(socket writes)"
        : callFrame.url
          ? ownerOfFrame(callFrame)
          : parent !== undefined
            ? ownerOf(parent)
            : "(native)";
    owners.set(id, owner);
    return owner;
  };
  const by = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at - profile.startTime < skipUs) return;
    const owner = ownerOf(id);
    if (owner === "(idle)") return;
    busy += delta;
    by.set(owner, (by.get(owner) ?? 0) + delta);
  });
  return { busy, by };
}
