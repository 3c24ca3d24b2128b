import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.mjs, run through the real ESLint and config on
 * sources linted as if they were at `file`: each violation is an error, and the same
 * file without it is clean, so a rule that stopped firing (or fired on everything)
 * is caught here rather than by a reviewer.
 */
const root = path.resolve(import.meta.dirname, '..');

type Case = { file: string; source: string; expected: string[]; name: string };

const routeFile = 'app/[locale]/layering-probe/page.tsx';
const component = 'components/ui/layering-probe.tsx';
const pureModule = 'lib/search/layering-probe.ts';

const cases: Case[] = [
  {
    name: 'the database in a route file',
    file: routeFile,
    source: "import { getDb } from '@/lib/db/client';\nexport default async function Page() {\n  await getDb();\n  return null;\n}\n",
    expected: ['@typescript-eslint/no-restricted-imports'],
  },
  {
    name: 'the content facade in a route file',
    file: routeFile,
    source: "import { getCatalog } from '@/lib/content';\nexport default function Page() {\n  return getCatalog().ids.length;\n}\n",
    expected: [],
  },
  {
    name: 'a type from a server-only module in a component',
    file: component,
    source: "import type { ArticleSearchResult } from '@/lib/search/server';\nexport function Probe({ hit }: { hit: ArticleSearchResult }) {\n  return hit.id;\n}\n",
    expected: ['layering/no-server-only-import'],
  },
  {
    name: 'a type from a plain module in a component',
    file: component,
    source: "import type { SearchHit } from '@/lib/search/engine';\nexport function Probe({ hit }: { hit: SearchHit }) {\n  return hit.id;\n}\n",
    expected: [],
  },
  ...['next/headers', 'react', 'drizzle-orm', '@electric-sql/pglite', 'pg', '@/lib/db/client'].map((specifier) => ({
    name: `${specifier} in a pure lib module`,
    file: pureModule,
    source: `import * as probe from '${specifier}';\nexport const probed = probe;\n`,
    expected: ['layering/pure-lib-imports'],
  })),
  {
    name: 'next/headers in a server-only lib module',
    file: pureModule,
    source: "import 'server-only';\nimport { headers } from 'next/headers';\nexport const probed = headers;\n",
    expected: [],
  },
  {
    name: 'a plain module in a pure lib module',
    file: pureModule,
    source: "import { foldText } from './normalize';\nexport const probed = foldText;\n",
    expected: [],
  },
];

describe('layering lint', () => {
  let found: string[][] = [];
  beforeAll(() => {
    const result = spawnSync(process.execPath, [path.join(root, 'tools', 'lint', 'lint-sources.mjs')], {
      cwd: root,
      input: JSON.stringify(cases.map(({ file, source }) => ({ file, source }))),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`lint-sources failed: ${result.stderr}`);
    found = JSON.parse(result.stdout) as string[][];
  }, 60_000);

  it.each(cases.map((c, index) => [c.name, index] as const))('%s', (_name, index) => {
    expect(found[index]).toEqual(cases[index]!.expected);
  });
});
