import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { serverEnv } from './env';

export type TestServer = { baseURL: string; dataDir: string; output: () => string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A second `next start` on the same production build, with its own database
 * and environment: for tests that change what the shared server's tests rely
 * on (account statuses, site settings) or that break something on purpose.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const env = serverEnv(port, extraEnv);
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', 'localhost'], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://localhost:${port}`;

  // Generous: on a shared two-core machine a cold start under load has taken over a minute.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the test server exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the test server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseURL,
    dataDir: env.DATA_DIR!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/**
 * A fresh embedded database with the demo data and `statements` applied, for a
 * server started with `{ DATA_DIR: dataDir }`.
 */
export function prepareDatabase(statements: string[]): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'signpost-e2e-prepared-'));
  execFileSync(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/prepare-database.ts', ...statements], {
    env: { ...process.env, DATA_DIR: dataDir, SIGNPOST_ENV: 'development' } as NodeJS.ProcessEnv,
    stdio: 'pipe',
  });
  return dataDir;
}
