#!/usr/bin/env bash
# npm run cluster: a local cluster (Postgres, Redis, two `next start`, nginx) on a production build.
# Needs Debian's postgresql, redis-server and nginx (bash scripts/setup.sh --browser installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
for command in redis-server nginx; do
  command -v "$command" >/dev/null || { echo "$command is missing: run bash scripts/setup.sh --browser (as root)" >&2; exit 1; }
done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "postgresql is missing: run bash scripts/setup.sh --browser (as root)" >&2; exit 1; }
[ -d node_modules ] || npm install --no-audit --no-fund
port="${CLUSTER_PORT:-3000}"
if [ ! -f .next/BUILD_ID ]; then
  SITE_URL="http://127.0.0.1:$port" npm run build
fi
export NEXT_TELEMETRY_DISABLED=1
exec node_modules/.bin/tsx scripts/cluster.ts
