/**
 * How the build grows with the content: a copy of the portal with 100, then
 * 1,000 generated articles in all seven locales (plus the real ones), built
 * from scratch: content checks and search indexes, `next build` (every article
 * page prerendered), the per-page CSP hashes. Reports each phase's time, the
 * pages prerendered and the proxy matcher's size.
 *
 *   node --import tsx bench/build-time.ts [sizes…]     (default: 100 1000)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { locales } from '../lib/i18n/locales';
import { generateCorpus } from './lib/corpus';
import { describeMachine, table, writeResult } from './lib/report';
import { repositoryRoot } from './lib/servers';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
// Inside the repository (ignored by git), so Turbopack's workspace root is the repository and
// the copies resolve its node_modules.
const work = path.join(repositoryRoot, 'bench', '.work', 'build');
const skip = new Set(['node_modules', '.next', '.git', 'bench', 'test-results', 'test-summary', 'playwright-report', '.data']);

/** A copy of the portal (sources only; node_modules linked) with `size` generated articles beside the real ones. */
function prepareCopy(size: number): string {
  const dir = path.join(work, String(size));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirNames(repositoryRoot)) {
    if (skip.has(entry)) continue;
    cpSync(path.join(repositoryRoot, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(dir, 'node_modules'));
  for (const locale of locales) {
    const corpus = generateCorpus(locale, size);
    corpus.documents.forEach((doc, index) => {
      const id = `g${(index + 1).toString(36).padStart(5, '0')}`;
      const folder = path.join(dir, 'content', 'articles', id);
      mkdirSync(folder, { recursive: true });
      const english = locale === 'en';
      const yaml = (value: string) => JSON.stringify(value.slice(0, 150));
      // A paragraph that starts with a lower-case "import" or "export" would be read as ESM.
      const paragraph = (line: string) => line.charAt(0).toLocaleUpperCase(locale) + line.slice(1);
      const body = doc.headings
        .map((heading, h) => `## ${heading}\n\n${doc.text.split('\n').slice(h * 3, h * 3 + 3).map(paragraph).join('\n\n')}`)
        .join('\n\n');
      writeFileSync(
        path.join(folder, `${locale}.mdx`),
        [
          '---',
          `id: ${id}`,
          `title: ${yaml(doc.title)}`,
          `summary: ${yaml(doc.summary.slice(0, 300))}`,
          `audience: ${index % 4 === 0 ? 'admin' : 'host'}`,
          `tags: [${doc.tags.map(yaml).join(', ')}]`,
          'updated: 2026-11-01',
          english ? 'revision: 1' : 'translatedFrom: 1',
          '---',
          '',
          body,
          '',
        ].join('\n'),
      );
    });
  }
  return dir;
}

function readdirNames(dir: string): string[] {
  return execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function timed(dir: string, command: string, args: string[]): { seconds: number; output: string } {
  const started = performance.now();
  const output = execFileSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: 'http://localhost:3000', NODE_OPTIONS: '--max-old-space-size=8192' },
  });
  return { seconds: (performance.now() - started) / 1000, output };
}

/** Next's own phase times, from its output: compiling, and generating the static pages. */
function phases(output: string): { compile: number; generate: number } {
  const seconds = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) return Number.NaN;
    return match[2] === 'ms' ? Number(match[1]) / 1000 : match[2] === 'min' ? Number(match[1]) * 60 : Number(match[1]);
  };
  return { compile: seconds(/Compiled successfully in ([\d.]+)(ms|s|min)/), generate: seconds(/Generating static pages[^\n]*in ([\d.]+)(ms|s|min)/) };
}

async function main() {
  const rows = [];
  for (const size of sizes.length > 0 ? sizes : [100, 1000]) {
    console.log(`Generating ${size} articles × ${locales.length} locales…`);
    const dir = prepareCopy(size);
    const bin = (name: string) => path.join(dir, 'node_modules', '.bin', name);
    console.log('  content and search indexes…');
    const content = timed(dir, bin('tsx'), ['scripts/build-content.ts']).seconds;
    console.log('  next build…');
    const build = timed(dir, bin('next'), ['build']);
    const next = build.seconds;
    const { compile, generate } = phases(build.output);
    console.log('  CSP hashes…');
    const csp = timed(dir, bin('tsx'), ['scripts/csp-hashes.ts']).seconds;
    const manifest = JSON.parse(readFileSync(path.join(dir, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
    const proxy = readFileSync(path.join(dir, 'proxy.ts'), 'utf8');
    const matcherEntries = (proxy.match(/^ {4}'\//gm) ?? []).length;
    rows.push({ size, files: size * locales.length, content, next, compile, generate, csp, total: content + next + csp, pages: Object.keys(manifest.routes).length, matcherEntries });
    console.log(`  ${size}: ${(content + next + csp).toFixed(0)} s`);
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }

  const [small, large] = rows;
  const markdown = [
    `# Build time as the content grows (${new Date().toISOString().slice(0, 10)})`,
    '',
    describeMachine(),
    '- A fresh copy of the portal with generated articles (bench/lib/corpus.ts) in all seven locales beside the real ones; every article page is prerendered.',
    '',
    table(
      ['generated articles', 'MDX files', 'content + search', 'next build', '(compile)', '(static pages)', 'CSP hashes', 'total', 'pages prerendered', 'proxy matcher entries'],
      rows.map((r) => [
        r.size,
        r.files,
        `${r.content.toFixed(1)} s`,
        `${r.next.toFixed(1)} s`,
        `${r.compile.toFixed(1)} s`,
        `${r.generate.toFixed(1)} s`,
        `${r.csp.toFixed(1)} s`,
        `${r.total.toFixed(1)} s`,
        r.pages,
        r.matcherEntries,
      ]),
    ),
    ...(small && large
      ? ['', `From ${small.size} to ${large.size} articles (${(large.size / small.size).toFixed(0)}×): the build takes ${(large.total / small.total).toFixed(1)}× as long (next build ${(large.next / small.next).toFixed(1)}×, content ${(large.content / small.content).toFixed(1)}×).`]
      : []),
  ].join('\n');
  const file = writeResult('build-time', markdown, rows);
  console.log(markdown);
  console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
}

await main();
