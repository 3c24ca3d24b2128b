import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type RunningServer = { url: string; stop: () => Promise<void> };

const root = path.resolve(import.meta.dirname, '..', '..');

async function waitForUrl(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

/** `next start` for an already built app directory (the real binary, not an npx wrapper). */
export async function startNext(
  appDir: string,
  port: number,
  env: Record<string, string> = {},
  readyPath = '/',
): Promise<RunningServer> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', 'localhost'], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  await waitForUrl(url + readyPath);
  return { url, stop: () => stopChild(child) };
}

/** A plain static file server: reads the file from disk on every request, as a real one would. */
export async function startStaticFileServer(file: string, port: number): Promise<RunningServer> {
  const server: Server = createServer(async (_request, response) => {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return {
    url: `http://localhost:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { root as repositoryRoot };

/**
 * The environment of a portal benchmark server that sends no mail: the demo mode of the
 * production build, with its own throw-away database (never the repository's `.data`).
 */
export function demoEnv(port: number, prefix: string): Record<string, string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `signpost-${prefix}-`));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return {
    SIGNPOST_ENV: 'demo',
    DATA_DIR: dataDir,
    SITE_URL: `http://localhost:${port}`,
    PURGE_INTERVAL_MINUTES: '0',
  };
}
