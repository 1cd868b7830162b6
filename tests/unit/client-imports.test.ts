import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

/**
 * What the browser downloads is what client modules import, transitively. Every page pays for it
 * in parse and run time (Lighthouse's Total Blocking Time), so the heavy server-side libraries must
 * never be reached from a "use client" module: Zod (110 KB of script on every page while one client
 * form imported a limit from a schema file), Recharts (the charts are drawn without it), and the
 * database and mail packages. Server actions are references on the client, so the walk stops there.
 */
const KEPT_OUT_OF_THE_BROWSER = ["zod", "recharts", "postgres", "drizzle-orm", "@node-rs/argon2", "nodemailer", "next-auth"];

const root = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function directive(source: ts.SourceFile): string | null {
  const first = source.statements[0];
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
}

/** The specifiers a module imports for their values (type-only imports vanish from the bundle). */
function valueImports(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

/** Each package a client entry reaches, with the chain of files that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    if (chain.length > 0 && directive(source) === "use server") return;
    for (const specifier of valueImports(source)) {
      if (/\.css$/.test(specifier)) continue;
      const local = specifier.startsWith(".") || specifier.startsWith("@/");
      if (!local) {
        if (!reached.has(packageName(specifier))) reached.set(packageName(specifier), [...chain, path.relative(root, file)]);
        continue;
      }
      const target = resolveLocal(file, specifier);
      if (target) walk(target, [...chain, path.relative(root, file)]);
    }
  };
  walk(entry, []);
  return reached;
}

const clientEntries = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "lib"))].filter(
  (file) => directive(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)) === "use client",
);
const instrumentation = ["instrumentation-client.ts", "instrumentation-client.js"].map((f) => path.join(root, f)).filter((f) => existsSync(f));

describe("client modules", () => {
  test("there are client modules to check", () => {
    expect(clientEntries.length).toBeGreaterThan(10);
  });

  test.each([...clientEntries, ...instrumentation].map((file) => [path.relative(root, file), file]))(
    "%s reaches none of the packages kept out of the browser",
    (_, file) => {
      const offending = [...packagesReached(file)]
        .filter(([name]) => KEPT_OUT_OF_THE_BROWSER.includes(name))
        .map(([name, chain]) => `${name} via ${chain.join(" -> ")}`);
      expect(offending).toEqual([]);
    },
  );
});
