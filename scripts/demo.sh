#!/usr/bin/env bash
# One command from a fresh clone to a running portal with its demo content:
# installs, builds, and starts on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export NEXT_TELEMETRY_DISABLED=1
export PORT="${PORT:-3000}"
export SITE_URL="${SITE_URL:-http://localhost:$PORT}"
# The demo: production build, demo accounts, email kept in the development mailbox (no SMTP needed).
export SIGNPOST_ENV="${SIGNPOST_ENV:-demo}"

echo "==> building"
npm run --silent build

echo "==> Signpost is starting on $SITE_URL"
exec node_modules/.bin/next start -p "$PORT"
