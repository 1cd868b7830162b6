import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// What the source tree declares, read from app/ itself, so a new action or route cannot hide from the matrix.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(relative) : [relative];
  });
}

const appFiles = () => filesUnder("app").filter((f) => /\.(ts|tsx)$/.test(f));

/** A file of the tree, by its path from the root. */
export const readSource = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const read = readSource;
const USE_SERVER = /^\s*["']use server["'];?\s*$/m;
/** The directive as the module's first statement (after comments): every export is then an action. */
const MODULE_DIRECTIVE = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/;

/** Files with a "use server" directive: whole modules of actions, or inline actions in a component. */
export function serverActionFiles(): string[] {
  return appFiles().filter((f) => USE_SERVER.test(read(f)));
}

/** Names a "use server" module exports, each an action anyone can call by id; none for inline actions. */
export function exportedNames(file: string): string[] {
  const text = read(file);
  if (!MODULE_DIRECTIVE.test(text)) return [];
  return [...text.matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm)].map((m) => m[1]!);
}

export function routeFiles(): string[] {
  return appFiles().filter((f) => /\/route\.tsx?$/.test(f));
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function routeMethods(file: string): string[] {
  const text = read(file);
  const named = [...text.matchAll(/^export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/gm)].map((m) => m[1]!);
  const reexported = [...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!.split(",").map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    ),
  );
  return [...named, ...reexported].filter((name) => METHODS.includes(name));
}
