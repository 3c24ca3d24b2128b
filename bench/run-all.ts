/**
 * `npm run bench`: builds the portal, runs every benchmark one after the other
 * (each in its own process, so one bench's heap and servers never colour the
 * next), then joins their reports into `bench/results/<date>-report.md`.
 *
 *   npm run bench                      every bench
 *   npm run bench -- search load       only those (the report joins whatever ran today)
 *   BENCH_SKIP_BUILD=1 npm run bench   reuse the current production build
 *   npm run bench -- --report-only     only join today's results into the report
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeMachine } from './lib/report';
import { repositoryRoot } from './lib/servers';

type Bench = { name: string; nodeFlags: string[]; args: string[]; title: string };

// The order matters only for time: the cheap, build-dependent ones first, the build-time bench
// (which builds copies of the portal) last.
const benches: Bench[] = [
  { name: 'article-page', nodeFlags: [], args: [], title: 'Article page: weight and throughput against the framework floor' },
  { name: 'relevance', nodeFlags: [], args: [], title: 'Search relevance against MiniSearch and Orama' },
  { name: 'search', nodeFlags: ['--expose-gc'], args: [], title: 'Search at 1k and 10k articles per locale' },
  { name: 'sign-in-help', nodeFlags: [], args: [], title: 'Sign-in help: lookup throughput and forgot-password timing' },
  { name: 'load', nodeFlags: [], args: [], title: 'Load: 60 s of mixed traffic at 64 clients' },
  { name: 'cluster', nodeFlags: [], args: [], title: 'Several servers: lookups on Postgres against the embedded database, articles through nginx' },
  { name: 'lighthouse', nodeFlags: [], args: [], title: 'Lighthouse' },
  { name: 'build-time', nodeFlags: [], args: [], title: 'Build time as the content grows' },
];

const date = new Date().toISOString().slice(0, 10);
const resultsDir = path.join(repositoryRoot, 'bench', 'results');
const reportOnly = process.argv.includes('--report-only');
const requested = process.argv.slice(2).filter((arg) => arg !== '--report-only');
const unknown = requested.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${benches.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = reportOnly ? [] : requested.length > 0 ? benches.filter((bench) => requested.includes(bench.name)) : benches;

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: repositoryRoot, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return result.status ?? 1;
}

if (!process.env.BENCH_SKIP_BUILD && !reportOnly) {
  console.log('\n== npm run build');
  if (run('npm', ['run', 'build']) !== 0) process.exit(1);
}

const outcomes: Array<{ bench: Bench; status: number; seconds: number }> = [];
for (const bench of selected) {
  console.log(`\n== ${bench.name}`);
  const started = performance.now();
  const status = run(process.execPath, [...bench.nodeFlags, '--import', 'tsx', path.join('bench', `${bench.name}.ts`), ...bench.args]);
  outcomes.push({ bench, status, seconds: (performance.now() - started) / 1000 });
}

/** A bench's own report without its title line and machine lines (the combined report states those once). */
function body(name: string): string | null {
  const file = path.join(resultsDir, `${date}-${name}.md`);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line, index) => !(index === 0 && line.startsWith('# ')) && !/^- (Machine|Node \d)/.test(line))
    .join('\n')
    .trim();
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repositoryRoot, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repositoryRoot, encoding: 'utf8' }).trim() !== '';
const sections = benches.map((bench) => {
  const outcome = outcomes.find((o) => o.bench === bench);
  const text = body(bench.name);
  const ran = outcome ? `ran now in ${outcome.seconds.toFixed(0)} s${outcome.status === 0 ? '' : `, **exited with ${outcome.status}**`}` : 'from an earlier run today';
  return [`## ${bench.title}`, '', text ? `_${ran}; details in \`${date}-${bench.name}.md\`._\n\n${text.replace(/^## /gm, '### ')}` : '_Not run today._'].join('\n');
});

const report = [
  `# Signpost benchmark report (${date})`,
  '',
  describeMachine(),
  `- Commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}; produced by \`npm run bench\` (bench/run-all.ts)`,
  '',
  ...sections.flatMap((section) => [section, '']),
  readFileSync(path.join(repositoryRoot, 'bench', 'gaps.md'), 'utf8'),
].join('\n');
const file = path.join(resultsDir, `${date}-report.md`);
writeFileSync(file, report);
console.log(`\nReport: ${path.relative(repositoryRoot, file)}`);
for (const { bench, status, seconds } of outcomes) console.log(`  ${bench.name}: ${status === 0 ? 'ok' : `exit ${status}`} (${seconds.toFixed(0)} s)`);
process.exit(outcomes.some((o) => o.status !== 0) ? 1 : 0);
