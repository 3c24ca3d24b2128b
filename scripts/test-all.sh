#!/usr/bin/env bash
# Runs every test: content checks, type check, lint, dead-code check, unit tests, production build,
# end-to-end tests in Chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }

export NEXT_TELEMETRY_DISABLED=1
export E2E_PORT="${E2E_PORT:-3100}"
results_dir="test-summary"
rm -rf "$results_dir" && mkdir -p "$results_dir"
failed_steps=()

# A step that is not a test runner (content check, type check, build) counts as one failed test when it fails.
check() {
  local name="$1"; shift
  echo "==> $name"
  "$@" || { echo "!! failed: $name"; failed_steps+=("$name"); return 1; }
}

# --check: proxy.ts stays as committed, for the unit test that compares it with a fresh matcher.
check "content checks" npm run --silent content -- --check
check "type check" npx tsc --noEmit
check "lint" npm run --silent lint
check "dead-code check" npm run --silent dead-code

echo "==> unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$results_dir/vitest.json"

# The suites that run against the demo database, again on Debian's Postgres (lib/testing/database.ts).
echo "==> unit tests on Postgres (vitest)"
mapfile -t database_suites < <(grep -rl --include='*.test.ts' 'useDemoDatabase' lib app | sort)
npx tsx scripts/with-postgres.ts -- npx vitest run --reporter=default --reporter=json --outputFile="$results_dir/vitest-postgres.json" "${database_suites[@]}"

# Pages are prerendered with absolute URLs: build for the address the tests use.
if check "production build" env SITE_URL="http://localhost:$E2E_PORT" npm run --silent build; then
  echo "==> end-to-end tests (playwright)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results_dir/playwright.json" npx playwright test "$@"
else
  # The build is what end-to-end tests run against; say so rather than report nothing.
  touch "$results_dir/playwright.skipped"
fi

node scripts/summarize-tests.mjs "$results_dir" "${#failed_steps[@]}"
