/**
 * A load test of the whole portal, loopback only and bounded: 60 seconds of
 * mixed traffic (article pages, search through the API and the results page,
 * sign-in help lookups, article feedback votes) from 64 concurrent clients,
 * each request from its own client address so the rate limits do not step in.
 * Reports requests and p50/p99 per route, fails on any 5xx, and checks that
 * every vote the server accepted is in the database afterwards.
 *
 *   node --import tsx bench/load.ts     (expects `npm run build` first)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'undici';
import { productionEnv, startMailSink } from './lib/mail-sink';
import { describeMachine, table, writeResult } from './lib/report';
import { repositoryRoot, startNext } from './lib/servers';

const port = 3214;
const smtpPort = 2626;
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const clients = 64;

type Route = { name: string; weight: number; request: (n: number) => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string } };

const articles = [
  '/en/article/WBX75907/how-do-i-contact-my-site-administrator',
  '/sv/article/WBX89094/fel-ditt-konto-ar-inaktiverat-kontakta-din',
  '/cs/article/WBX15/jak-kontaktovat-manazera-pro-uspech-zakazniku-csm',
  '/ar/article/ktod8p/add-contact-details-for-site-administration',
];
const queries = ['deactivated', 'Ditt konto är inaktiverat', 'neaktivni ucet', 'wbx75907', 'アカウント', 'password reset', 'deactivted'];
const locales = ['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar'];
const voteArticles = ['WBX15', 'WBX75907', 'ktod8p', 'pw7r2k'];

const routes: Route[] = [
  { name: 'article page', weight: 40, request: (n) => ({ method: 'GET', path: articles[n % articles.length]! }) },
  {
    name: 'search API',
    weight: 25,
    request: (n) => ({ method: 'GET', path: `/api/search?${new URLSearchParams({ q: queries[n % queries.length]!, locale: locales[n % locales.length]! })}` }),
  },
  { name: 'search page', weight: 10, request: (n) => ({ method: 'GET', path: `/en/search?${new URLSearchParams({ q: queries[n % queries.length]! })}` }) },
  {
    name: 'sign-in help lookup',
    weight: 15,
    request: (n) => ({
      method: 'POST',
      path: '/en/sign-in-help/deactivated/lookup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: n % 4 === 0 ? 'deactivated.host@acme.example' : `load-${n}@example.com` }).toString(),
    }),
  },
  {
    name: 'feedback vote',
    weight: 10,
    request: (n) => ({
      method: 'POST',
      path: `/${locales[n % locales.length]}/feedback/${voteArticles[n % voteArticles.length]}/vote`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ helpful: n % 3 === 0 ? 'no' : 'yes' }).toString(),
    }),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  if (!existsSync(path.join(repositoryRoot, '.next', 'BUILD_ID'))) throw new Error('Build the portal first: npm run build');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'signpost-load-'));
  const mail = await startMailSink(smtpPort);
  const server = await startNext(repositoryRoot, port, { ...productionEnv(port, smtpPort, dataDir), SEED_DEMO: 'true' }, '/api/health');
  const origin = server.url;
  const pool = new Pool(origin, { connections: clients });
  const totalWeight = routes.reduce((sum, route) => sum + route.weight, 0);
  const stats = new Map(routes.map((route) => [route.name, { latencies: [] as number[], statuses: new Map<number, number>() }]));
  let sequence = 0;
  let acceptedVotes = 0;
  let errors = 0;

  const pick = (n: number) => {
    let ticket = (n * 7919) % totalWeight;
    for (const route of routes) {
      if (ticket < route.weight) return route;
      ticket -= route.weight;
    }
    return routes[0]!;
  };

  console.log(`Load: ${clients} clients, ${seconds}s of mixed traffic…`);
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const n = sequence++;
      const route = pick(n);
      const spec = route.request(n);
      const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const started = performance.now();
      try {
        const response = await pool.request({
          method: spec.method,
          path: spec.path,
          headers: { ...spec.headers, origin, 'x-forwarded-for': address },
          body: spec.body,
        });
        await response.body.dump();
        const stat = stats.get(route.name)!;
        stat.latencies.push(performance.now() - started);
        stat.statuses.set(response.statusCode, (stat.statuses.get(response.statusCode) ?? 0) + 1);
        if (route.name === 'feedback vote' && response.statusCode === 200) acceptedVotes += 1;
      } catch {
        errors += 1;
      }
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - startedAt) / 1000;
  await pool.close();
  await server.stop();
  await mail.stop();

  // The server is stopped: its embedded database can be opened here, to count what it stored.
  const db = new PGlite(path.join(dataDir, 'pglite'));
  const [row] = (await db.query<{ votes: number }>('select count(*)::int as votes from article_feedback')).rows;
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  const storedVotes = row?.votes ?? 0;

  const rows = routes.map((route) => {
    const stat = stats.get(route.name)!;
    const sorted = [...stat.latencies].sort((a, b) => a - b);
    const count = (predicate: (status: number) => boolean) => [...stat.statuses].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
    return {
      route: route.name,
      requests: sorted.length,
      perSecond: Math.round(sorted.length / elapsed),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      statuses: Object.fromEntries(stat.statuses),
      serverErrors: count((status) => status >= 500),
    };
  });
  const all = rows.reduce((sum, r) => sum + r.requests, 0);
  const serverErrors = rows.reduce((sum, r) => sum + r.serverErrors, 0);

  const markdown = [
    `# Load test: ${seconds} s of mixed traffic at ${clients} concurrent clients (${new Date().toISOString().slice(0, 10)})`,
    '',
    describeMachine(),
    '- `next start` (production, embedded database, mail to a local SMTP sink), load generator (undici) on the same machine, loopback.',
    `- Mix by weight: ${routes.map((r) => `${r.name} ${Math.round((r.weight / totalWeight) * 100)}%`).join(', ')}.`,
    '',
    table(
      ['route', 'requests', 'per second', 'p50', 'p99', 'status codes', '5xx'],
      rows.map((r) => [r.route, r.requests, r.perSecond, `${r.p50.toFixed(1)} ms`, `${r.p99.toFixed(1)} ms`, Object.entries(r.statuses).map(([s, n]) => `${s}: ${n}`).join(', '), r.serverErrors]),
    ),
    '',
    `- In all: ${all} requests in ${elapsed.toFixed(1)} s (${Math.round(all / elapsed)} per second), ${serverErrors} answered 5xx, ${errors} failed to connect.`,
    `- Feedback votes accepted (200): ${acceptedVotes}; stored in the database afterwards: ${storedVotes}${storedVotes === acceptedVotes ? ' (every one)' : ' (MISMATCH)'}.`,
  ].join('\n');
  const file = writeResult('load', markdown, { seconds, clients, elapsed, rows, acceptedVotes, storedVotes, errors });
  console.log(markdown);
  console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
  if (serverErrors > 0 || errors > 0 || storedVotes !== acceptedVotes) process.exitCode = 1;
}

await main();
