import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions, e2eBaseURL, e2ePort, serverEnv } from './e2e/support/env';

/**
 * End-to-end tests run in Debian's Chromium (never a downloaded browser) against
 * `next start` on a production build: `npm test` builds first.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the suite must pass on a shared two-core machine with both cores busy; no test asserts time.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: e2eBaseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /cluster\.spec\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } },
    // Two servers on Postgres and Redis behind nginx (scripts/lib/cluster.ts), started by the spec itself.
    { name: 'cluster', testMatch: /cluster\.spec\.ts$/, use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${e2ePort} -H localhost`,
    url: `${e2eBaseURL}/robots.txt`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: serverEnv(e2ePort),
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
