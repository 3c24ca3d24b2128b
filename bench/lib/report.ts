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

/** The machine and versions a set of figures was measured on. */
export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
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

/** Writes `bench/results/<date>-<name>.md` (and .json) and returns the Markdown path. */
export function writeResult(name: string, markdown: string, data: unknown): string {
  const dir = path.join(repositoryRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(dir, `${date}-${name}.md`);
  writeFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  writeFileSync(path.join(dir, `${date}-${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
