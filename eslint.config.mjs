import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const root = import.meta.dirname;

// --- The layers (see the README's architecture notes) ---
// Imports of the project's own folders are checked by import/no-restricted-paths, which resolves each
// import to a file first, so `../auth/roles` and `@/lib/auth/roles` are caught alike. Packages are
// checked by name with no-restricted-imports.

const DOMAIN_FORBIDDEN_PACKAGES = {
  regex: "^(next|next-auth|@auth/.+|react|react-dom|drizzle-orm|postgres|@electric-sql/pglite|zod|server-only)(/.*)?$",
  message: "lib/domain is pure TypeScript: no framework, database or validation library.",
};
const DOMAIN_FORBIDDEN_BUILTINS = {
  regex:
    "^(node:)?(fs|fs/promises|net|http|http2|https|child_process|cluster|dgram|dns|dns/promises|tls|worker_threads|readline|os|process|inspector|repl|vm|sqlite)$",
  message: "lib/domain does no I/O: take what it needs as arguments.",
};

/** Zones for import/no-restricted-paths: files under `target` may not import anything under `from`. */
const layer = (target, from, message) => ["error", { basePath: root, zones: [{ target, from, message }] }];

const DB_MESSAGE = "db/ holds the schema, the driver and plain queries: it depends on no entry point, service, auth or validation code.";
const SERVICES_MESSAGE = "lib/services holds the use cases: entry points (app/, lib/entry) call it, never the other way round.";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(["**/.next/**", ".data/**", "test-results/**", "playwright-report/**", "tests/e2e/.screenshots/**", "**/next-env.d.ts"]),

  {
    name: "verdict/code",
    rules: {
      // `({ secret: _secret, ...rest }) => rest` is how the code leaves a field out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },

  {
    // Playwright fixtures receive a callback named `use`; it is not React's `use` hook.
    name: "verdict/playwright-fixtures",
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },

  {
    name: "verdict/layers/domain",
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [DOMAIN_FORBIDDEN_PACKAGES, DOMAIN_FORBIDDEN_BUILTINS] }],
      "import/no-restricted-paths": layer(
        "./lib/domain",
        ["./app", "./db", "./lib/auth", "./lib/validation", "./lib/entry", "./lib/services", "./lib/demo", "./lib/exports", "./lib/http", "./lib/live"],
        "lib/domain is pure: it imports nothing from the app, the database, auth or validation.",
      ),
    },
  },
  {
    name: "verdict/layers/db",
    files: ["db/**"],
    rules: {
      "import/no-restricted-paths": layer(
        "./db",
        ["./app", "./lib/auth", "./lib/validation", "./lib/services", "./lib/entry", "./lib/demo", "./lib/live"],
        DB_MESSAGE,
      ),
    },
  },
  {
    name: "verdict/layers/services",
    files: ["lib/services/**"],
    rules: { "import/no-restricted-paths": layer("./lib/services", ["./app", "./lib/entry"], SERVICES_MESSAGE) },
  },
  {
    // One LISTEN per process and the event streams: under the entry points, over db/.
    name: "verdict/layers/live",
    files: ["lib/live/**"],
    rules: {
      "import/no-restricted-paths": layer(
        "./lib/live",
        ["./app", "./lib/entry", "./lib/services"],
        "lib/live announces events to streams: entry points use it, it uses no entry point or use case.",
      ),
    },
  },
  {
    name: "verdict/layers/validation",
    files: ["lib/validation/**"],
    rules: {
      "import/no-restricted-paths": layer(
        "./lib/validation",
        ["./db", "./app", "./lib/services", "./lib/entry"],
        "lib/validation describes input; it does not reach the database or the use cases.",
      ),
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(drizzle-orm|postgres|@electric-sql/pglite)(/.*)?$", message: "lib/validation does not reach the database." }] },
      ],
    },
  },

  {
    name: "verdict/links",
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/_components/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Use Link from app/_components/link: it does not prefetch (see why there)." }] },
      ],
    },
  },

  {
    name: "verdict/file-size",
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts"],
    ignores: ["db/migrations/**"],
    rules: { "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }] },
  },
]);
