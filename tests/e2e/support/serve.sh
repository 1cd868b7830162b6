#!/usr/bin/env bash
# Serves the app for the browser tests: a fresh PostgreSQL database, migrated and seeded,
# then a production build (`next build && next start`). E2E_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/../../.."

db_name="${DATABASE_URL##*/}"
admin_url="${DATABASE_URL%/*}/postgres"
psql "$admin_url" -v ON_ERROR_STOP=1 -q -c "DROP DATABASE IF EXISTS \"$db_name\" WITH (FORCE)" -c "CREATE DATABASE \"$db_name\""
npm run --silent db:setup

if [ "${E2E_SKIP_BUILD:-}" != "1" ] || [ ! -f .next/BUILD_ID ]; then
  npx next build
fi
exec npx next start --hostname 127.0.0.1 --port "$PORT"
