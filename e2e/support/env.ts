import { existsSync } from 'node:fs';

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

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

/** The environment of the shared server every spec talks to. */
export function e2eServerEnv(): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://localhost:${e2ePort}`,
  };
}
