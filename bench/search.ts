/**
 * Search at 1,000 and 10,000 articles per locale (every locale): index build time,
 * size on disk and in memory, load time, query latency in-process and through
 * /api/search under 32 concurrent clients (en, cs, ja).
 *
 *   node --expose-gc --import tsx bench/search.ts                (expects `npm run build` first)
 *   node --expose-gc --import tsx bench/search.ts --in-process   only the in-process figures (no build needed)
 *     --locales=en,cs,ja   --sizes=10000                          narrow the in-process part
 *     --out=search-latency                                        the report's name in bench/results/
 *
 * Each query is timed twice over: wall time (what a caller waits) and the CPU time
 * the process spent on it. On a shared machine the difference is time the
 * scheduler gave to other processes; the load average is recorded with every row.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { locales, type Locale } from '../lib/i18n/locales';
import { SearchEngine } from '../lib/search/engine';
import { readSearchConfig } from '../lib/search/read-config';
import { generateCorpus, generateQueries } from './lib/corpus';
import { describeMachine, table, writeResult } from './lib/report';
import { demoEnv, repositoryRoot, startNext } from './lib/servers';

const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const benchLocales = (option('locales')?.split(',') ?? [...locales]) as Locale[];
for (const locale of benchLocales) if (!locales.includes(locale)) throw new Error(`Unknown locale ${locale}`);
const sizes = option('sizes')?.split(',').map(Number) ?? [1_000, 10_000];
/** The locales the API load mixes (400 queries each). */
const apiLocales: Locale[] = ['en', 'cs', 'ja'];
const queryCount = 3_000;
const apiSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const work = path.join(repositoryRoot, 'bench', '.work', 'search');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc --import tsx bench/search.ts');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (value: number) => value.toFixed(value < 10 ? 3 : 1);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

type Row = {
  locale: Locale;
  size: number;
  buildMs: number;
  buildCpuMs: number;
  diskBytes: number;
  memoryBytes: number;
  loadMs: number;
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
  /** One-minute load average before and after the queries. */
  load: [number, number];
  queries: string[];
};

function measure(locale: Locale, size: number): Row {
  const corpus = generateCorpus(locale, size);
  gc!();
  const buildStart = performance.now();
  const buildCpu = process.cpuUsage();
  let built: SearchEngine | undefined = SearchEngine.build(corpus.documents, readSearchConfig(locale));
  const buildMs = performance.now() - buildStart;
  const buildCpuMs = cpuMs(process.cpuUsage(buildCpu));
  const json = JSON.stringify(built.serialize());
  // Measure what a server holds: the loaded index, not the one just built beside it.
  built = undefined;
  const dir = path.join(work, `${size}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${locale}.json`), json);

  gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const engine = SearchEngine.deserialize(JSON.parse(json));
  const loadMs = performance.now() - loadStart;
  gc!();
  const memoryBytes = process.memoryUsage().heapUsed - heapBefore;

  const queries = generateQueries(corpus, queryCount, locale);
  for (const query of queries.slice(0, 300)) engine.search(query, 10);
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const query of queries) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    engine.search(query, 10);
    timings.push(performance.now() - start);
    cpuTimings.push(cpuMs(process.cpuUsage(cpu)));
  }
  const load: [number, number] = [loadBefore, os.loadavg()[0]!];
  timings.sort((a, b) => a - b);
  cpuTimings.sort((a, b) => a - b);
  return {
    locale,
    size,
    buildMs,
    buildCpuMs,
    diskBytes: Buffer.byteLength(json),
    memoryBytes,
    loadMs,
    p50: percentile(timings, 50),
    p99: percentile(timings, 99),
    cpuP50: percentile(cpuTimings, 50),
    cpuP99: percentile(cpuTimings, 99),
    load,
    queries,
  };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function measureApi(size: number, rows: Row[]) {
  const dir = path.join(work, `${size}`);
  // Locales not benchmarked keep the real indexes, so the server can load every locale.
  for (const locale of locales) {
    if (!existsSync(path.join(dir, `${locale}.json`))) {
      copyFileSync(path.join(repositoryRoot, 'lib', 'content', 'generated', 'search', `${locale}.json`), path.join(dir, `${locale}.json`));
    }
  }
  const server = await startNext(repositoryRoot, 3211, { ...demoEnv(3211, 'search'), SEARCH_INDEX_DIR: dir }, '/api/search?q=account&locale=en');
  try {
    const requests = rows
      .filter((row) => row.size === size && apiLocales.includes(row.locale))
      .flatMap((row) => row.queries.slice(0, 400).map((q) => ({ method: 'GET' as const, path: `/api/search?${new URLSearchParams({ q, locale: row.locale, limit: '10' })}` })));
    const run = (duration: number, path?: string) =>
      autocannon({ url: server.url + (path ?? ''), connections: 32, duration, ...(path ? {} : { requests }) });
    await run(5);
    const result = await run(apiSeconds);
    // The framework's floor on the same server: a route handler that does nothing.
    const floor = await run(apiSeconds, '/api/health');
    const row = (name: string, r: autocannon.Result) => ({
      name,
      size,
      requestsPerSecond: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    });
    return [row('/api/search', result), row('/api/health (no work)', floor)];
  } finally {
    await server.stop();
  }
}

const inProcessOnly = process.argv.includes('--in-process');

async function main() {
  if (!inProcessOnly && !existsSync(path.join(repositoryRoot, '.next', 'BUILD_ID'))) throw new Error('Build the portal first: npm run build');
  rmSync(work, { recursive: true, force: true });
  const rows: Row[] = [];
  for (const size of sizes) {
    for (const locale of benchLocales) {
      console.log(`Indexing ${size} ${locale} articles…`);
      rows.push(measure(locale, size));
    }
  }
  const api = [];
  for (const size of inProcessOnly ? [] : sizes) {
    if (!apiLocales.every((locale) => benchLocales.includes(locale))) throw new Error(`The API load needs ${apiLocales.join(', ')}`);
    console.log(`Load: /api/search over ${size} articles per locale, 32 connections, ${apiSeconds}s…`);
    api.push(...(await measureApi(size, rows)));
  }

  const growth = sizes.length < 2 ? [] : benchLocales.map((locale) => {
    const small = rows.find((r) => r.locale === locale && r.size === sizes[0])!;
    const large = rows.find((r) => r.locale === locale && r.size === sizes[1])!;
    return [locale, `${(large.buildCpuMs / small.buildCpuMs).toFixed(1)}×`, `${(large.p50 / small.p50).toFixed(1)}×`, `${(large.p99 / small.p99).toFixed(1)}×`];
  });

  const markdown = [
    `# Search at 1,000 and 10,000 articles per locale (${new Date().toISOString().slice(0, 10)})`,
    '',
    describeMachine(),
    `- Synthetic corpora from bench/lib/corpus.ts (words of the real articles, Zipf-skewed); ${queryCount} queries per locale:`,
    '  one or two words, a word being typed, a word with a typo, an article ID, a pasted error message.',
    '',
    '## In process',
    '',
    table(
      ['locale', 'articles', 'build (CPU)', 'on disk', 'in memory', 'load', 'query p50', 'query p99', 'CPU p50', 'CPU p99', 'load average'],
      rows.map((r) => [
        r.locale,
        r.size,
        `${Math.round(r.buildMs)} ms (${Math.round(r.buildCpuMs)} ms)`,
        mb(r.diskBytes),
        mb(r.memoryBytes),
        `${Math.round(r.loadMs)} ms`,
        `${ms(r.p50)} ms`,
        `${ms(r.p99)} ms`,
        `${ms(r.cpuP50)} ms`,
        `${ms(r.cpuP99)} ms`,
        `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`,
      ]),
    ),
    '',
    'Query p50/p99: wall time per query. CPU p50/p99: the CPU time the process spent on each query',
    "(`process.cpuUsage`, microsecond resolution): the same work without the time the scheduler gave",
    'to other processes. Load average: one-minute, before and after the queries, on 2 cores.',
    '',
    ...(growth.length === 0
      ? []
      : ['Growth from 1,000 to 10,000 articles (10× the articles; build by CPU time):', '', table(['locale', 'build time', 'query p50', 'query p99'], growth)]),
    '',
    inProcessOnly ? '## Through /api/search: not measured in this run (`--in-process`)' : '## Through /api/search (next start, autocannon, 32 connections, loopback)',
    '',
    table(
      ['endpoint', 'articles per locale', 'requests/s', 'p50', 'p99', 'non-2xx', 'errors'],
      api.map((a) => [a.name, a.size, a.requestsPerSecond, `${a.p50} ms`, `${a.p99} ms`, a.non2xx, a.errors]),
    ),
    '',
    'The request mix cycles through 1,200 distinct queries (400 per locale). `/api/health` answers with no work:',
    "at 32 concurrent clients on one server process, its latency is the framework's floor (queueing behind",
    "Next's per-request cost), and the load generator shares the machine's two cores.",
    '',
    'Targets at 10,000 articles: in-process p99 under 2 ms, API p99 under 20 ms.',
  ].join('\n');
  const file = writeResult(option('out') ?? 'search', markdown, { rows: rows.map(({ queries: _q, ...r }) => r), api });
  console.log(markdown);
  console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
}

await main();
