/**
 * Article page against the framework's floor (a bare Next.js page built with the
 * same versions) and against a static file server serving the article's HTML:
 * client JavaScript, HTML size, and `next start` throughput at 32 connections.
 *
 *   npx tsx bench/article-page.ts          (expects `npm run build` first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runLoad, type LoadResult } from './lib/load';
import { describeMachine, kB, table, writeResult } from './lib/report';
import { demoEnv, repositoryRoot, startNext, startStaticFileServer } from './lib/servers';
import { measurePageWeight } from './lib/weight';

const articlePath = '/en/article/WBX89094/error-your-account-is-deactivated-contact-your-system';
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = path.join(repositoryRoot, 'bench', '.work');
const bareDir = path.join(work, 'bare-next');
const paddedDir = path.join(work, 'bare-next-padded');
const nextBin = path.join(repositoryRoot, 'node_modules', '.bin', 'next');

/**
 * A bare Next.js app with the same versions and default settings: one heading and
 * one paragraph (the framework's floor), or that paragraph padded to a given size
 * (the control that shows how much of the gap is the size of the page alone).
 */
function buildBareApp(dir: string, paragraphBytes = 0): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(
    path.join(dir, 'next.config.mjs'),
    `export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(repositoryRoot)} } };\n`,
  );
  // A no-op hook of its own: without one, Turbopack (root: the repository) bundles the portal's
  // instrumentation.ts into the bare app, which then refuses to start without the portal's settings.
  writeFileSync(path.join(dir, 'instrumentation.js'), 'export function register() {}\n');
  writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  const words = 'account site administrator contact reactivate password sign in meeting host'.split(' ');
  let text = 'One paragraph of text.';
  for (let i = 0; text.length < paragraphBytes; i++) text += ` ${words[i % words.length]}`;
  writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    `export default function Page() { return <main><h1>Hello</h1><p>${text}</p></main>; }\n`,
  );
  execFileSync(nextBin, ['build'], { cwd: dir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

async function main() {
  if (!existsSync(path.join(repositoryRoot, '.next', 'BUILD_ID'))) {
    throw new Error('Build the portal first: npm run build');
  }
  mkdirSync(work, { recursive: true });
  const portal = await startNext(repositoryRoot, 3201, demoEnv(3201, 'article-page'), articlePath);
  const articleHtmlBytes = (await (await fetch(portal.url + articlePath)).arrayBuffer()).byteLength;
  console.log('Building the bare Next.js pages…');
  buildBareApp(bareDir);
  // Text counts twice in the HTML (markup and flight data), so half the article's size.
  buildBareApp(paddedDir, Math.round(articleHtmlBytes / 2));
  const bare = await startNext(bareDir, 3202);
  const padded = await startNext(paddedDir, 3204);
  const articleHtmlFile = path.join(work, 'article.html');

  writeFileSync(articleHtmlFile, Buffer.from(await (await fetch(portal.url + articlePath)).arrayBuffer()));
  const staticServer = await startStaticFileServer(articleHtmlFile, 3203);

  try {
    console.log('Measuring page weight in Chromium…');
    const articleWeight = await measurePageWeight(portal.url + articlePath);
    const bareWeight = await measurePageWeight(bare.url + '/');
    const paddedWeight = await measurePageWeight(padded.url + '/');

    // The servers take turns, round after round, so a slow spell of the machine (it is shared)
    // falls on all of them alike; each figure is the median round, each ratio the median of the
    // ratios within a round.
    const servers = [
      ['article (next start)', portal.url + articlePath],
      ['bare page (next start)', bare.url + '/'],
      ['bare page padded to the article size (next start)', padded.url + '/'],
      ['article HTML (static file server)', staticServer.url + '/'],
    ] as const;
    for (const [name, url] of servers) {
      console.log(`Warm-up: ${name}`);
      await runLoad(url, { durationSeconds: 5 });
    }
    const roundsByServer: Record<string, LoadResult[]> = {};
    for (let round = 1; round <= rounds; round++) {
      for (const [name, url] of servers) {
        console.log(`Round ${round}/${rounds}: ${name} for ${durationSeconds}s at 32 connections…`);
        (roundsByServer[name] ??= []).push(await runLoad(url, { durationSeconds }));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const load: Record<string, LoadResult> = {};
    for (const [name, results] of Object.entries(roundsByServer)) {
      const middle = median(results.map((r) => r.requestsPerSecond));
      load[name] = results.find((r) => r.requestsPerSecond === middle)!;
    }
    const roundRatios = (a: string, b: string) =>
      roundsByServer[a]!.map((result, round) => result.requestsPerSecond / roundsByServer[b]![round]!.requestsPerSecond);
    const articleRatios = roundRatios('article (next start)', 'bare page (next start)');
    const paddedRatios = roundRatios('bare page padded to the article size (next start)', 'bare page (next start)');
    const articleToPadded = roundRatios('article (next start)', 'bare page padded to the article size (next start)');
    const percentRange = (ratios: number[]) =>
      `${(median(ratios) * 100).toFixed(0)}% (rounds: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')})`;

    const article = load['article (next start)']!;
    const staticPage = load['article HTML (static file server)']!;
    const extraJs = articleWeight.scriptGzipBytes - bareWeight.scriptGzipBytes;
    const rpsRatio = median(articleRatios);

    const markdown = [
      `# Article page against the framework floor (${new Date().toISOString().slice(0, 10)})`,
      '',
      describeMachine(),
      `- Article: \`${articlePath}\`; load: autocannon, 32 connections, loopback; after a 5 s warm-up each, ${rounds} rounds of ${durationSeconds} s in which the servers take turns (the median round is shown)`,
      '',
      '## Page weight (Chromium, gzip level 9)',
      '',
      table(
        ['page', 'client JS (gzip)', 'scripts', 'HTML', 'HTML (gzip)'],
        [
          ['article', kB(articleWeight.scriptGzipBytes), articleWeight.scripts.length, kB(articleWeight.htmlBytes), kB(articleWeight.htmlGzipBytes)],
          ['bare Next.js page', kB(bareWeight.scriptGzipBytes), bareWeight.scripts.length, kB(bareWeight.htmlBytes), kB(bareWeight.htmlGzipBytes)],
          ['bare page padded (control)', kB(paddedWeight.scriptGzipBytes), paddedWeight.scripts.length, kB(paddedWeight.htmlBytes), kB(paddedWeight.htmlGzipBytes)],
        ],
      ),
      '',
      `Article JavaScript beyond the floor: **${kB(extraJs)}** (target: at most 20 kB).`,
      '',
      '## Throughput',
      '',
      table(
        ['server', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
        Object.entries(load).map(([name, r]) => [name, r.requestsPerSecond, r.latencyP50Ms, r.latencyP99Ms, r.non2xx, r.errors]),
      ),
      '',
      `Article at **${percentRange(articleRatios)}** of the bare page's requests per second (target: at least 80%); ` +
        `the static file server serves the same HTML at ${(staticPage.requestsPerSecond / article.requestsPerSecond).toFixed(1)}× the article's rate. ` +
        `The bare page padded to the article's size runs at ${percentRange(paddedRatios)} of the bare page: ` +
        `that much of the gap is the size of the page, whatever its content; the article reaches ${percentRange(articleToPadded)} of the padded control.`,
      '',
      '<details><summary>Scripts the article loads</summary>',
      '',
      table(['script', 'gzip'], articleWeight.scripts.map((s) => [s.url, kB(s.gzipBytes)])),
      '',
      '</details>',
    ].join('\n');
    const file = writeResult('article-page', markdown, { articleWeight, bareWeight, paddedWeight, load, roundsByServer, extraJs, rpsRatio });
    console.log(markdown);
    console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
  } finally {
    await Promise.all([portal.stop(), bare.stop(), padded.stop(), staticServer.stop()]);
  }
}

await main();
