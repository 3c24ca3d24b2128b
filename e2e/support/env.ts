import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
/** The shared test server (Playwright's webServer): every spec's baseURL unless it has a server of its own. */
export const e2eBaseURL = `http://localhost:${e2ePort}`;
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
export const mailHttpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2526);
const testSecret = 'end-to-end-test-secret-not-for-production-use';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install -y chromium)`);
}

/** Debian's Chromium with the flags this closed network needs (see TOOLCHAIN.md). */
export const chromiumLaunchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * A test server's environment: production mode (Secure cookies, HSTS, no
 * development mailbox), email through the capture SMTP server, its own fresh
 * database seeded with the demo accounts, and one trusted proxy hop so each
 * test can appear as its own client (X-Forwarded-For) to the rate limits.
 */
export function serverEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SIGNPOST_ENV: 'production',
    SIGNPOST_SECRET: testSecret,
    SITE_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Signpost <no-reply@signpost.example>',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), `signpost-e2e-${port}-`)),
    SEED_DEMO: 'true',
    TRUST_PROXY_HOPS: '1',
    PURGE_INTERVAL_MINUTES: '0',
    ...extra,
  };
}

