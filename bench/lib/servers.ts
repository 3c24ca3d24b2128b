import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot, startNextServer } from '../../scripts/lib/next-server';

type RunningServer = { url: string; stop: () => Promise<void> };

/** `next start` for an already built app directory (the same start-up as the end-to-end tests'). */
export async function startNext(
  appDir: string,
  port: number,
  env: Record<string, string> = {},
  readyPath = '/',
): Promise<RunningServer> {
  const server = await startNextServer({ appDir, port, env, readyPath, echoStderr: true });
  return { url: server.url, stop: server.stop };
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

export { repositoryRoot };

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
