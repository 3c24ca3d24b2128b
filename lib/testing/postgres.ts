import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '@/scripts/lib/next-server';

/**
 * A throw-away Postgres cluster of Debian's postgresql package, on loopback, for tests that
 * need the real server (several servers on one database, a database that hangs). Runs as the
 * `postgres` user when the tests run as root (Postgres refuses root), as the caller otherwise.
 */
export type TestPostgres = {
  url: string;
  /** Every process of this cluster (postmaster and backends), for SIGSTOP and SIGCONT. */
  pids: () => number[];
  /** Stops the server as an operator would (fast shutdown), keeping its data, and starts it again. */
  shutDown: () => void;
  startAgain: () => void;
  stop: () => void;
};

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error('Postgres is not installed: apt-get install -y postgresql');
  return path.join(root, version, 'bin');
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binaries();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const directory = mkdtempSync(path.join(tmpdir(), 'signpost-pg-'));
  if (asRoot) {
    chmodSync(directory, 0o700);
    execFileSync('chown', ['postgres:postgres', directory]);
  }
  const port = await findFreePort();
  run('initdb', ['-D', directory, '-A', 'trust', '-U', 'signpost', '--no-sync']);
  const start = () =>
    run('pg_ctl', ['-D', directory, '-w', '-t', '120', '-l', path.join(directory, 'log'), '-o', `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  return {
    shutDown: () => run('pg_ctl', ['-D', directory, '-w', '-m', 'fast', 'stop']),
    startAgain: start,
    url: `postgres://signpost@127.0.0.1:${port}/postgres`,
    pids: () => {
      const postmaster = Number(readFileSync(path.join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
      return [postmaster, ...children];
    },
    stop: () => {
      try {
        run('pg_ctl', ['-D', directory, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
