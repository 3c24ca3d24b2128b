/**
 * Starting and stopping `next start` on a production build: the one way the
 * end-to-end tests (e2e/support/servers.ts) and the benchmarks
 * (bench/lib/servers.ts) run a server of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');

export type NextServer = {
  url: string;
  port: number;
  /** What the server printed so far (stdout and stderr), for a failure message. */
  output: () => string;
  stop: () => Promise<void>;
};

/** A TCP port nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/**
 * `next start` for an already built app directory, with the real binary (killing
 * an npx wrapper would leave the server running). Resolves once `readyPath`
 * answers with a status below 500; fails at once if the server exits first.
 */
export async function startNextServer(options: {
  port?: number;
  env: Record<string, string>;
  appDir?: string;
  readyPath?: string;
  timeoutMs?: number;
  /** Also print the server's errors as they come (a benchmark's operator wants to see them). */
  echoStderr?: boolean;
}): Promise<NextServer> {
  const port = options.port ?? (await findFreePort());
  const child = spawn(path.join(repositoryRoot, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', 'localhost'], {
    cwd: options.appDir ?? repositoryRoot,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...options.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echoStderr) process.stderr.write(chunk);
  });
  const url = `http://localhost:${port}`;
  const server: NextServer = { url, port, output: () => output, stop: () => stopChild(child) };

  // Generous by default: on a shared two-core machine a cold start under load has taken over a minute.
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url + (options.readyPath ?? '/'), { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status < 500) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`next start did not answer ${options.readyPath ?? '/'} in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
