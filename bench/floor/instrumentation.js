// Turbopack, rooted at the repository, would otherwise pick up Verdict's own instrumentation.ts.
export function register() {}
