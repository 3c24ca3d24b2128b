/**
 * A local cluster as an operator would run Signpost on several machines, all on loopback in a
 * temporary folder: Debian's Postgres and Redis, two `next start` servers on one production
 * build, and Debian's nginx in front with deploy/nginx.conf (round robin). Used by
 * `npm run cluster` (scripts/cluster.ts), the "cluster" Playwright project and the benchmarks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../../lib/testing/postgres';
import { findFreePort, repositoryRoot, startNextServer, type NextServer } from './next-server';

export type Cluster = {
  /** nginx, the front every visitor uses. */
  url: string;
  /** The servers behind it, each also reachable directly. */
  servers: NextServer[];
  databaseUrl: string;
  redisUrl: string;
  postgres: TestPostgres;
  /** Stops everything it started and removes its folder. */
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  /** nginx's port (a free one when not given). */
  port?: number;
  /** The servers' ports (free ones when not given); two by default. */
  serverPorts?: number[];
  /** Added to every server's environment (SITE_URL defaults to the front's URL). */
  env?: Record<string, string>;
  /** Print the servers' errors as they come. */
  echoStderr?: boolean;
};

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    redis.once('error', (error) => reject(new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`)));
    redis.once('spawn', () => resolve());
  });
  await waitForPort(port, 20_000);
  return redis;
}

/** deploy/nginx.conf with this cluster's ports and folders, inside a main config of its own (no root needed). */
function writeNginxConfig(directory: string, port: number, serverPorts: number[]): string {
  const site = readFileSync(path.join(repositoryRoot, 'deploy', 'nginx.conf'), 'utf8');
  const upstreams = serverPorts.map((serverPort) => `    server 127.0.0.1:${serverPort} max_fails=3 fail_timeout=10s;`).join('\n');
  const rendered = site
    .replace(/^ {4}server 127\.0\.0\.1:3001 .*\n {4}server 127\.0\.0\.1:3002 .*$/m, upstreams)
    .replace(/^ {4}listen 80;/m, `listen 127.0.0.1:${port};`)
    .replaceAll('/var/cache/nginx/signpost', path.join(directory, 'cache'));
  if (!rendered.includes(`127.0.0.1:${serverPorts[0]}`) || !rendered.includes(`:${port};`)) {
    throw new Error('deploy/nginx.conf no longer has the upstream and listen lines scripts/lib/cluster.ts replaces');
  }
  writeFileSync(path.join(directory, 'signpost.conf'), rendered);
  const main = path.join(directory, 'nginx.conf');
  writeFileSync(
    main,
    // As root, nginx's workers would run as nobody, who cannot enter this private folder.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${path.join(directory, 'nginx.pid')};
error_log ${path.join(directory, 'error.log')} warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${path.join(directory, 'tmp', 'body')};
  proxy_temp_path ${path.join(directory, 'tmp', 'proxy')};
  fastcgi_temp_path ${path.join(directory, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${path.join(directory, 'tmp', 'uwsgi')};
  scgi_temp_path ${path.join(directory, 'tmp', 'scgi')};
  include /etc/nginx/mime.types;
  include ${path.join(directory, 'signpost.conf')};
}
`,
  );
  return main;
}

/** Debian's nginx is in /usr/sbin, which an ordinary user's PATH may not include. */
const nginxBinary = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

function stopChild(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const directory = mkdtempSync(path.join(tmpdir(), 'signpost-cluster-'));
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  let postgres: TestPostgres | undefined;
  let redis: ChildProcess | undefined;
  let nginx: ChildProcess | undefined;
  const servers: NextServer[] = [];
  const stop = async () => {
    await stopChild(nginx);
    await Promise.all(servers.map((server) => server.stop()));
    await stopChild(redis);
    postgres?.stop();
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    postgres = await startPostgres();
    const redisPort = await findFreePort();
    redis = await startRedis(redisPort);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const serverPorts = options.serverPorts ?? [await findFreePort(), await findFreePort()];
    const env = {
      NODE_ENV: 'production',
      SIGNPOST_ENV: 'demo',
      SITE_URL: url,
      DATABASE_URL: postgres.url,
      REDIS_URL: redisUrl,
      TRUST_PROXY_HOPS: '1',
      SEED_DEMO: 'true',
      ...options.env,
    };
    // Started together on purpose: the migrations and the seed are under advisory locks. They listen on
    // `localhost` (Next keeps a proxy's rewrites internal only for the host it serves; with -H 127.0.0.1
    // it proxied them to localhost and failed), which nginx reaches as 127.0.0.1 on Debian.
    servers.push(
      ...(await Promise.all(
        serverPorts.map((serverPort) =>
          startNextServer({
            port: serverPort,
            env: { ...env, DATA_DIR: path.join(directory, `server-${serverPort}`) },
            readyPath: '/api/ready',
            echoStderr: options.echoStderr,
          }),
        ),
      )),
    );
    for (const folder of ['cache', 'tmp']) mkdirSync(path.join(directory, folder), { recursive: true });
    const config = writeNginxConfig(directory, port, serverPorts);
    const test = spawnSync(nginxBinary, ['-t', '-q', '-c', config, '-e', path.join(directory, 'error.log')], { encoding: 'utf8' });
    if (test.error || test.status !== 0) throw new Error(`nginx refused its configuration (apt-get install nginx): ${test.error?.message ?? test.stderr}`);
    nginx = spawn(nginxBinary, ['-c', config, '-e', path.join(directory, 'error.log')], { stdio: 'ignore' });
    await waitForPort(port, 20_000);
    return { url, servers, databaseUrl: postgres.url, redisUrl, postgres, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
