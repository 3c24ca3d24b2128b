// Prints the one line CI reads: "N passed, N failed", summed over Vitest and
// Playwright. A failed check that is not a test runner (content, type check,
// build) counts as one failure; so does a runner that crashed without results.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, failedChecks = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedChecks);

function read(name) {
  const file = path.join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

// Every unit test, then the database suites again on Postgres.
for (const name of ['vitest.json', 'vitest-postgres.json']) {
  const vitest = read(name);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests + (vitest.success === false && vitest.numFailedTests === 0 ? 1 : 0);
  } else {
    failed += 1;
  }
}

const playwright = read('playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
} else if (!existsSync(path.join(dir, 'playwright.skipped'))) {
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
