import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // The real package throws outside React Server Components; tests call queries directly.
  "server-only": path.join(root, "tests/support/server-only-stub.ts"),
};

export default defineConfig({
  test: {
    projects: [
      // Two workers even on a two-core machine (Vitest's default there is one): the files wait on
      // PostgreSQL and on imports as much as they compute, and they are written to run side by side.
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", maxWorkers: 2 } },
      // Property-based attacks on the form parser and schemas; Playwright specs there are not vitest's.
      { resolve: { alias }, test: { name: "security", include: ["tests/security/**/*.test.ts"], environment: "node", testTimeout: 120_000 } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          maxWorkers: 2,
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
