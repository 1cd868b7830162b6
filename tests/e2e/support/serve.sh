#!/usr/bin/env bash
# Serves the app for the browser tests: a fresh PostgreSQL database, migrated and seeded as the
# owning role (MIGRATION_DATABASE_URL), which also creates APP_DATABASE_ROLE with the app's
# grants; then a production build (`next build && next start`) that connects as that role only
# (DATABASE_URL), with the owner's URL removed from its environment.
# E2E_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/../../.."

owner_url="${MIGRATION_DATABASE_URL:?must name the owning role}"
db_name="${owner_url##*/}"
admin_url="${owner_url%/*}/postgres"
psql "$admin_url" -v ON_ERROR_STOP=1 -q -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" -c "CREATE DATABASE \"$db_name\""
npm run --silent db:setup

if [ "${E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f .next/BUILD_ID ]; then
  # `npm test` has run `npm run typecheck` before this, over the same files; see next.config.mjs.
  VERDICT_BUILD_TYPES_CHECKED=1 npx next build
fi
# Idle connections kept 65 s, as `npm start` keeps them (see tests/e2e/keep-alive.spec.ts).
exec env -u MIGRATION_DATABASE_URL -u APP_DATABASE_ROLE npx next start --hostname 127.0.0.1 --port "$PORT" --keepAliveTimeout 65000
