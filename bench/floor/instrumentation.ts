// Turbopack resolves from the worktree root, where Verdict's own instrumentation lives; this empty
// one keeps the floor from starting Verdict's database at start-up.
export function register() {}
