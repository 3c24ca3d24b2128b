/**
 * Sign-in help through the real HTTP path: the account lookup's requests per
 * second and p50/p99 under 32 concurrent clients with distinct addresses and
 * client addresses (so the rate limiter never blocks), and the timing of the
 * forgot-password form's branches (unknown address, active, verified,
 * unverified, deactivated), which must not tell them apart.
 *
 *   node --import tsx bench/sign-in-help.ts     (expects `npm run build` first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { productionEnv, startMailSink } from './lib/mail-sink';
import { describeMachine, table, writeResult } from './lib/report';
import { repositoryRoot, startNext } from './lib/servers';

const port = Number(process.env.BENCH_PORT ?? 3212);
const smtpPort = Number(process.env.BENCH_SMTP_PORT ?? 2625);
const accountsPerStatus = 3_000;
const lookupSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 30);
const forgotRounds = Number(process.env.BENCH_FORGOT_ROUNDS ?? 1_000);
const followingRounds = Number(process.env.BENCH_FOLLOWING_ROUNDS ?? 800);

const branches = ['unknown', 'active', 'verified', 'unverified', 'deactivated'] as const;
type Branch = (typeof branches)[number];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * A 95% bootstrap interval for median(a) − median(b), relative to median(b):
 * whether a branch is really slower or faster than another, or only noise.
 */
function medianDifferenceInterval(a: number[], b: number[], resamples = 2_000): [number, number] {
  const resample = (values: number[]) => Array.from({ length: values.length }, () => values[Math.floor(Math.random() * values.length)]!);
  const base = median(b);
  const differences = Array.from({ length: resamples }, () => (median(resample(a)) - median(resample(b))) / base).sort((x, y) => x - y);
  return [percentile(differences, 2.5), percentile(differences, 97.5)];
}
const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

/** Bench accounts beside the demo ones: `<status>-<n>@bench.example` on the demo site acme. */
function prepareDatabase(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'signpost-bench-'));
  const insert = (status: string, extra = '') =>
    `INSERT INTO users (site_id, email, status${extra ? ', deactivated_at, status_before_deactivation' : ''})
       SELECT s.id, '${status}-' || g || '@bench.example', '${status}'${extra}
       FROM sites s, generate_series(1, ${accountsPerStatus}) g WHERE s.slug = 'acme'`;
  execFileSync(
    path.join(repositoryRoot, 'node_modules', '.bin', 'tsx'),
    [
      '--conditions=react-server',
      'scripts/prepare-database.ts',
      insert('active'),
      insert('verified'),
      insert('unverified'),
      insert('inactive', ", now() - interval '5 days', 'active'").replace("'inactive-' ||", "'deactivated-' ||"),
    ],
    { cwd: repositoryRoot, env: { ...process.env, DATA_DIR: dataDir, SIGNPOST_ENV: 'development' }, stdio: 'inherit' },
  );
  return dataDir;
}

let clientCounter = 0;
/** A distinct client address per request: 10.x.y.z, never the same twice in a run. */
function nextClientAddress(): string {
  clientCounter += 1;
  return `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

const formHeaders = (origin: string) => ({ 'content-type': 'application/x-www-form-urlencoded', origin });

async function measureLookup(origin: string) {
  let counter = 0;
  const lookupRequest = {
    method: 'POST' as const,
    path: '/en/sign-in-help/deactivated/lookup',
    setupRequest: (request: autocannon.Request) => {
      counter += 1;
      // Cycle through every kind of account and unknown addresses; no address is looked up twice.
      const kind = ['active', 'verified', 'unverified', 'deactivated', 'unknown'][counter % 5]!;
      const n = Math.floor(counter / 5) + 1;
      const email = kind === 'unknown' || n > accountsPerStatus ? `nobody-${counter}@bench.example` : `${kind}-${n}@bench.example`;
      return {
        ...request,
        headers: { ...formHeaders(origin), 'x-forwarded-for': nextClientAddress() },
        body: new URLSearchParams({ email }).toString(),
      };
    },
  };
  const run = (duration: number) => autocannon({ url: origin, connections: 32, duration, requests: [lookupRequest] });
  // A long warm-up: V8 compiles the embedded database's WebAssembly in tiers, and the hot
  // functions reach the optimizing tier only after some seconds of load (about +45% throughput).
  await run(warmupSeconds);
  const result = await run(lookupSeconds);
  // The framework's floor on the same server: a route handler that does nothing.
  const floor = await autocannon({ url: `${origin}/api/health`, connections: 32, duration: lookupSeconds });
  return {
    floor: { requestsPerSecond: Math.round(floor.requests.average), p50: floor.latency.p50, p99: floor.latency.p99 },
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    redirects: result['3xx'],
    other: result['1xx'] + result['2xx'] + result['4xx'] + result['5xx'],
    errors: result.errors + result.timeouts,
  };
}

/**
 * The forgot-password branches, interleaved so drift on the machine lands on
 * all of them alike, with 8 requests in flight. Each request is timed from
 * send to the end of the response body, as a client would see it.
 */
async function measureForgotPassword(origin: string) {
  type Job = { branch: Branch; email: string };
  // Each round in a random order: the email an active account's request sends after its
  // response costs the requests right behind it, so a fixed order would slow one branch.
  const shuffled = <T,>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const jobsFor = (firstRound: number, rounds: number): Job[] =>
    Array.from({ length: rounds }, (_, round) => firstRound + round).flatMap((n) =>
      shuffled(branches.map((branch) => ({ branch, email: branch === 'unknown' ? `nobody-forgot-${n}@bench.example` : `${branch}-${n}@bench.example` }))),
    );

  const run = async (jobs: Job[]) => {
    const timings = new Map<Branch, number[]>(branches.map((b) => [b, []]));
    const shapes = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const started = performance.now();
        const response = await fetch(`${origin}/en/forgot-password/submit`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...formHeaders(origin), 'x-forwarded-for': nextClientAddress() },
          body: new URLSearchParams({ email: job.email }).toString(),
        });
        const body = await response.arrayBuffer();
        timings.get(job.branch)!.push(performance.now() - started);
        const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
        shapes.add(`${response.status} ${response.headers.get('location')} cookie ${cookie.length} body ${body.byteLength}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { timings, shapes };
  };

  const warmupRounds = 40;
  // Accounts from 1,001 up: the lookup run used the lowest-numbered ones (a different limit, but a cleaner split).
  await run(jobsFor(1_001, warmupRounds));
  const { timings, shapes } = await run(jobsFor(1_001 + warmupRounds, forgotRounds));
  return {
    shapes: [...shapes],
    branches: branches.map((branch) => {
      const sorted = [...timings.get(branch)!].sort((a, b) => a - b);
      const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
      const versusUnknown = medianDifferenceInterval(sorted, timings.get('unknown')!);
      return { branch, requests: sorted.length, mean, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), versusUnknown };
    }),
  };
}

/**
 * The security issue's timing finding: work a request leaves behind on the server (a reset email
 * built and stored after the response) slows the request that follows it. One request in flight:
 * a forgot-password post for a known address (active or verified: a reset email is due) or an
 * unknown one, in a random order, then at once a probe (another post for a fresh unknown address),
 * timed. The probes are grouped by what came before them.
 */
async function measureFollowing(origin: string, rounds: number) {
  const post = async (email: string) => {
    const started = performance.now();
    const response = await fetch(`${origin}/en/forgot-password/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...formHeaders(origin), 'x-forwarded-for': nextClientAddress() },
      body: new URLSearchParams({ email }).toString(),
    });
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const after = { known: [] as number[], unknown: [] as number[] };
  let probe = 0;
  let known = 0;
  const pass = async (count: number, record: boolean) => {
    for (let i = 0; i < count; i++) {
      const isKnown = Math.random() < 0.5;
      // Accounts 2,001 up: the other sections used the lower ones (each address has a limit of its own).
      const email = isKnown ? `${known % 2 === 0 ? 'active' : 'verified'}-${2_001 + Math.floor(known++ / 2)}@bench.example` : `nobody-before-${i}-${record}@bench.example`;
      await post(email);
      const latency = await post(`nobody-probe-${probe++}@bench.example`);
      if (record) after[isKnown ? 'known' : 'unknown'].push(latency);
    }
  };
  await pass(100, false);
  await pass(rounds, true);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  // A 95% bootstrap interval for mean(after known) − mean(after unknown), relative to the latter.
  const resample = (values: number[]) => Array.from({ length: values.length }, () => values[Math.floor(Math.random() * values.length)]!);
  const base = mean(after.unknown);
  const differences = Array.from({ length: 2_000 }, () => (mean(resample(after.known)) - mean(resample(after.unknown))) / base).sort((x, y) => x - y);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    afterKnown: { requests: after.known.length, mean: mean(after.known), p50: percentile(sorted(after.known), 50), p90: percentile(sorted(after.known), 90) },
    afterUnknown: { requests: after.unknown.length, mean: base, p50: percentile(sorted(after.unknown), 50), p90: percentile(sorted(after.unknown), 90) },
    meanDifference: (mean(after.known) - base) / base,
    interval: [percentile(differences, 2.5), percentile(differences, 97.5)] as [number, number],
    // The median too: on a shared machine a few preempted requests move the mean by themselves.
    medianDifference: (median(after.known) - median(after.unknown)) / median(after.unknown),
    medianInterval: medianDifferenceInterval(after.known, after.unknown),
  };
}

async function main() {
  if (!existsSync(path.join(repositoryRoot, '.next', 'BUILD_ID'))) throw new Error('Build the portal first: npm run build');
  console.log(`Preparing a database with ${accountsPerStatus} bench accounts per status…`);
  const dataDir = prepareDatabase();
  const mail = await startMailSink(smtpPort);
  const server = await startNext(repositoryRoot, port, { ...productionEnv(port, smtpPort, dataDir), SEED_DEMO: 'false' }, '/api/health');
  try {
    console.log(`Lookup: 32 connections, ${lookupSeconds}s…`);
    const lookup = await measureLookup(server.url);
    console.log(`Forgot password: ${forgotRounds} rounds of ${branches.length} branches, 8 in flight…`);
    const { branches: forgot, shapes } = await measureForgotPassword(server.url);
    console.log(`The request that follows: ${followingRounds} pairs, one in flight…`);
    const following = await measureFollowing(server.url, followingRounds);
    const p50s = forgot.map((f) => f.p50);
    const means = forgot.map((f) => f.mean);
    const gap = (values: number[]) => (Math.max(...values) - Math.min(...values)) / Math.min(...values);
    const identical = shapes.length === 1;

    const markdown = [
      `# Sign-in help lookup and forgot-password timing (${new Date().toISOString().slice(0, 10)})`,
      '',
      describeMachine(),
      `- \`next start\` (production), embedded database with the demo data and ${accountsPerStatus} accounts per status, mail to a local SMTP sink; load generator on the same machine.`,
      '',
      '## Lookup: POST /en/sign-in-help/deactivated/lookup (autocannon, 32 connections, loopback)',
      '',
      `Each request a different address (active, verified, unverified, deactivated and unknown in turn) from a different client address; measured for ${lookupSeconds} s after a ${warmupSeconds} s warm-up.`,
      '',
      table(
        ['requests/s', 'p50', 'p99', 'requests', '303 answers', 'other statuses', 'errors'],
        [[lookup.requestsPerSecond, `${lookup.p50} ms`, `${lookup.p99} ms`, lookup.requests, lookup.redirects, lookup.other, lookup.errors]],
      ),
      '',
      `For scale, the same server answers \`/api/health\` (a route handler doing nothing) at ${lookup.floor.requestsPerSecond} requests/s, p50 ${lookup.floor.p50} ms, p99 ${lookup.floor.p99} ms under the same load: the framework's own floor on this machine.`,
      '',
      'Targets: p99 under 50 ms, at least 500 requests per second.',
      '',
      '## Forgot password: the branches side by side',
      '',
      `${forgotRounds} requests per branch, interleaved in a random order, 8 in flight, after a warm-up of 40 per branch. Active and verified accounts are sent a reset email (by the mail worker, off the request path).`,
      '',
      table(
        ['branch', 'requests', 'mean', 'p50', 'p90', 'p99', 'p50 vs unknown (95% interval)'],
        forgot.map((f) => [
          f.branch,
          f.requests,
          ms(f.mean),
          ms(f.p50),
          ms(f.p90),
          ms(f.p99),
          f.branch === 'unknown' ? '' : `${percent(f.versusUnknown[0])} … ${percent(f.versusUnknown[1])}`,
        ]),
      ),
      '',
      `- Gap between the fastest and slowest branch: ${(gap(p50s) * 100).toFixed(1)}% at p50, ${(gap(means) * 100).toFixed(1)}% in the mean (target: under 10%).`,
      '- An interval containing 0 means the branch cannot be told from an unknown address at this sample size.',
      `- Responses (status, Location, flash cookie size, body size): ${identical ? 'identical in every branch' : 'DIFFERENT between branches'}: \`${shapes.join('`, `')}\`.`,
      `- Emails delivered to the sink during the run: ${mail.received()}.`,
      '',
      '## Forgot password: the request that follows',
      '',
      `${followingRounds} pairs, one request in flight, after 100 pairs of warm-up: a post for a known address (a reset email is due) or an unknown one, in a random order, then at once a post for a fresh unknown address, timed. Each request only queues its mail request; the mail worker builds and sends any email a moment later, off the request path.`,
      '',
      table(
        ['request before the probe', 'probes', 'mean', 'p50', 'p90'],
        [
          ['known address', following.afterKnown.requests, ms(following.afterKnown.mean), ms(following.afterKnown.p50), ms(following.afterKnown.p90)],
          ['unknown address', following.afterUnknown.requests, ms(following.afterUnknown.mean), ms(following.afterUnknown.p50), ms(following.afterUnknown.p90)],
        ],
      ),
      '',
      `- Mean difference (after known − after unknown): ${percent(following.meanDifference)}, 95% bootstrap interval ${percent(following.interval[0])} … ${percent(following.interval[1])} (targets: under 10%, and the interval contains 0: ${Math.abs(following.meanDifference) < 0.1 && following.interval[0] <= 0 && following.interval[1] >= 0 ? 'met' : 'NOT met'}).`,
      `- Median difference: ${percent(following.medianDifference)}, 95% bootstrap interval ${percent(following.medianInterval[0])} … ${percent(following.medianInterval[1])} (${Math.abs(following.medianDifference) < 0.1 && following.medianInterval[0] <= 0 && following.medianInterval[1] >= 0 ? 'met' : 'NOT met'}).`,
      `- Load average when the section ended: ${loadavg().map((value) => value.toFixed(1)).join(', ')} (a shared machine: other work lands on either group at random).`,
    ].join('\n');
    const file = writeResult('sign-in-help', markdown, { lookup, forgot, shapes, following, p50Gap: gap(p50s), meanGap: gap(means), identical });
    console.log(markdown);
    console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
  } finally {
    await server.stop();
    await mail.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
