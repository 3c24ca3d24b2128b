import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, repositoryRoot, startNextServer } from '../../scripts/lib/next-server';
import { serverEnv } from './env';

export type TestServer = { baseURL: string; dataDir: string; output: () => string; stop: () => Promise<void> };

/**
 * A second `next start` on the same production build, with its own database
 * and environment: for tests that change what the shared server's tests rely
 * on (account statuses, site settings), that spend per-address rate limits on
 * the demo accounts, or that break something on purpose.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const port = await findFreePort();
  const env = serverEnv(port, extraEnv);
  const server = await startNextServer({ port, env, readyPath: '/api/health' });
  return { baseURL: server.url, dataDir: env.DATA_DIR!, output: server.output, stop: server.stop };
}

/**
 * A fresh embedded database with the demo data and `statements` applied, for a
 * server started with `{ DATA_DIR: dataDir }`.
 */
export function prepareDatabase(statements: string[]): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'signpost-e2e-prepared-'));
  execFileSync(path.join(repositoryRoot, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/prepare-database.ts', ...statements], {
    cwd: repositoryRoot,
    env: { ...process.env, DATA_DIR: dataDir, SIGNPOST_ENV: 'development' } as NodeJS.ProcessEnv,
    stdio: 'pipe',
  });
  return dataDir;
}
