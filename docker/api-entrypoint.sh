#!/bin/sh
# API container start: migrations, optional demo seed, then the API (PID 1 via exec, so SIGTERM reaches it).
set -e
cd /app
node --disable-warning=ExperimentalWarning --experimental-wasm-modules packages/db/scripts/migrate.mjs apply
if [ "${SEED_DEMO:-false}" = "true" ]; then
  (cd packages/db && node -r @swc-node/register src/seed-cli.ts)
fi
cd apps/api
exec node -r @swc-node/register src/main.ts
