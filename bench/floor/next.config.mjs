import path from "node:path";

// The bare floors the save path and the sheet pages are measured against: no auth, no checks.
// The worktree root holds node_modules, so it is the root Turbopack resolves from.
const config = { turbopack: { root: path.resolve(import.meta.dirname, "../..") } };

export default config;
