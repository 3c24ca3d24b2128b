import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from './servers';

function version(pkg: string): string {
  try {
    return JSON.parse(readFileSync(path.join(repositoryRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** The commit the code under measurement is at, and whether the work tree differed from it. */
type CommitRecord = { sha: string; dirty: boolean };

function currentCommit(): CommitRecord {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
  // bench/results is left out: earlier results written in this run do not change what is measured.
  return { sha: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--', '.', ':!bench/results') !== '' };
}

/** The machine, versions and commit a set of figures was measured on. */
export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const commit = currentCommit();
  return [
    `- Commit: ${commit.sha.slice(0, 12)}${commit.dirty ? ' with uncommitted changes' : ''}`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.versions.node}; next ${version('next')}, react ${version('react')}, next-intl ${version('next-intl')}, flexsearch ${version('flexsearch')}`,
  ].join('\n');
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function table(header: string[], rows: Array<Array<string | number>>): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/**
 * Writes `bench/results/<date>-<name>.md` and `.json` and returns the Markdown path. The JSON is
 * `{ commit: { sha, dirty }, measuredAt, results }`, so a figure can be traced to the code it measured.
 */
export function writeResult(name: string, markdown: string, results: unknown): string {
  const dir = path.join(repositoryRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const measuredAt = new Date().toISOString();
  const date = measuredAt.slice(0, 10);
  const file = path.join(dir, `${date}-${name}.md`);
  writeFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  const record = { commit: currentCommit(), measuredAt, results };
  writeFileSync(path.join(dir, `${date}-${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
