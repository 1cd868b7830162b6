import path from "node:path";

// The floor has no node_modules of its own: next, react and postgres resolve from the repository's.
const root = path.resolve(import.meta.dirname, "../..");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
};

export default nextConfig;
