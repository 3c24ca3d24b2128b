/**
 * Several servers: the sign-in help lookup on the embedded database against Postgres (one
 * server each, and two behind nginx), and article pages through nginx against nginx serving
 * the same page as a file. All in one run, on loopback, with Debian's Postgres, Redis and nginx
 * (scripts/lib/cluster.ts); each lookup from its own client address and for its own email
 * address, so the rate limits never step in.
 *
 *   node --import tsx bench/cluster.ts     (expects `npm run build` first)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startPostgres } from '../lib/testing/postgres';
import { startCluster } from '../scripts/lib/cluster';
import { findFreePort, startNextServer } from '../scripts/lib/next-server';
import { runLoad, type LoadResult } from './lib/load';
import { describeMachine, table, writeResult } from './lib/report';
import { demoEnv, repositoryRoot } from './lib/servers';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = 16;
const article = '/en/article/WBX75907/how-do-i-contact-my-site-administrator';

type Lookup = LoadResult & { statuses: Record<string, number> };

/** The lookup form posted with a fresh email and client address each time (all unknown accounts but every fourth). */
async function runLookups(url: string): Promise<Lookup> {
  let n = 0;
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/en/sign-in-help/deactivated/lookup',
        setupRequest: (request) => {
          n += 1;
          const email = n % 4 === 0 ? 'deactivated.host@acme.example' : `bench-${n}@example.com`;
          return {
            ...request,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              origin: url,
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: new URLSearchParams({ email }).toString(),
          };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

/** Debian's nginx serving one HTML file, with nothing else in front: the ceiling for a page. */
async function startStaticNginx(html: string): Promise<{ url: string; stop: () => void }> {
  const directory = mkdtempSync(path.join(tmpdir(), 'signpost-bench-nginx-'));
  const port = await findFreePort();
  writeFileSync(path.join(directory, 'article.html'), html);
  const config = path.join(directory, 'nginx.conf');
  writeFileSync(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${directory}/nginx.pid;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = ${article} { default_type text/html; alias ${directory}/article.html; }
  }
}
`,
  );
  const binary = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const check = spawnSync(binary, ['-t', '-q', '-c', config, '-e', `${directory}/error.log`], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx: ${check.stderr}`);
  const child = spawn(binary, ['-c', config, '-e', `${directory}/error.log`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(url + article)).ok) break;
    } catch {
      if (attempt > 100) throw new Error('nginx did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function main() {
  if (!existsSync(path.join(repositoryRoot, '.next', 'BUILD_ID'))) throw new Error('Build the portal first: npm run build');
  const common = { TRUST_PROXY_HOPS: '1', SEED_DEMO: 'true', SIGNPOST_SECRET: 'benchmark-secret-not-for-production-use-0000' };
  const lookups: Array<{ setup: string; result: Lookup }> = [];

  console.log('Lookup, embedded database…');
  {
    const port = await findFreePort();
    const server = await startNextServer({ port, env: { ...demoEnv(port, 'bench-cluster'), ...common }, readyPath: '/api/ready', echoStderr: true });
    try {
      lookups.push({ setup: 'one server, embedded database (PGlite)', result: await runLookups(server.url) });
    } finally {
      await server.stop();
    }
  }

  console.log('Lookup, Postgres…');
  {
    const postgres = await startPostgres();
    const port = await findFreePort();
    const server = await startNextServer({ port, env: { ...demoEnv(port, 'bench-cluster'), ...common, DATABASE_URL: postgres.url }, readyPath: '/api/ready', echoStderr: true });
    try {
      lookups.push({ setup: 'one server, Postgres 15', result: await runLookups(server.url) });
    } finally {
      await server.stop();
      postgres.stop();
    }
  }

  console.log('Cluster: two servers on Postgres and Redis behind nginx…');
  const cluster = await startCluster({ env: { ...common, PURGE_INTERVAL_MINUTES: '0' }, echoStderr: true });
  const pages: Array<{ setup: string; result: LoadResult }> = [];
  try {
    lookups.push({ setup: 'two servers, Postgres 15 + Redis, through nginx', result: await runLookups(cluster.url) });
    const html = await (await fetch(cluster.url + article)).text();
    const staticNginx = await startStaticNginx(html);
    try {
      // Warm each path (nginx's cache of the build output, the servers' page cache) before measuring.
      for (const url of [cluster.url + article, cluster.servers[0]!.url + article, staticNginx.url + article]) await runLoad(url, { connections, durationSeconds: 2 });
      pages.push({ setup: 'nginx serving the same HTML as a file', result: await runLoad(staticNginx.url + article, { connections, durationSeconds: seconds }) });
      pages.push({ setup: 'through nginx to two servers (deploy/nginx.conf)', result: await runLoad(cluster.url + article, { connections, durationSeconds: seconds }) });
      pages.push({ setup: 'one server directly (no nginx)', result: await runLoad(cluster.servers[0]!.url + article, { connections, durationSeconds: seconds }) });
    } finally {
      staticNginx.stop();
    }
  } finally {
    await cluster.stop();
  }

  const [embedded, postgres, clustered] = lookups.map((entry) => entry.result);
  const [floor, front] = pages.map((entry) => entry.result);
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : 'n/a');
  const markdown = [
    `# Several servers: lookups on Postgres against the embedded database, article pages through nginx (${new Date().toISOString().slice(0, 10)})`,
    '',
    describeMachine(),
    `- ${seconds} s per row, ${connections} connections (autocannon), loopback; load generator, servers, Postgres, Redis and nginx all on this machine.`,
    '- Lookup: `POST /en/sign-in-help/deactivated/lookup`, every request a new email address (one in four a demo account) and client address.',
    `- Article: \`GET ${article}\`, a prerendered page.`,
    '',
    '## Sign-in help lookup',
    '',
    table(
      ['setup', 'requests/s', 'p50', 'p99', 'requests', 'status codes', 'errors'],
      lookups.map(({ setup, result }) => [
        setup,
        result.requestsPerSecond,
        `${result.latencyP50Ms} ms`,
        `${result.latencyP99Ms} ms`,
        result.requests,
        Object.entries(result.statuses).map(([status, n]) => `${status}: ${n}`).join(', '),
        result.errors,
      ]),
    ),
    '',
    `- Postgres against embedded, one server each: ${ratio(postgres?.requestsPerSecond, embedded?.requestsPerSecond)}× the throughput (target: 2×); two servers: ${ratio(clustered?.requestsPerSecond, embedded?.requestsPerSecond)}×.`,
    '',
    '## Article page',
    '',
    table(
      ['setup', 'requests/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'],
      pages.map(({ setup, result }) => [setup, result.requestsPerSecond, `${result.latencyP50Ms} ms`, `${result.latencyP99Ms} ms`, result.requests, result.non2xx, result.errors]),
    ),
    '',
    `- Through the front against nginx's static figure: ${ratio(front?.requestsPerSecond, floor?.requestsPerSecond)} (target: at least 0.5). deploy/nginx.conf keeps the prerendered pages the servers mark cacheable, so most of these requests never reach a server.`,
  ].join('\n');
  const file = writeResult('cluster', markdown, { seconds, connections, lookups, pages });
  console.log(markdown);
  console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
}

await main();
