/**
 * Brings every locale file in line with en.json's keys and order: new keys are
 * added with the English text (the message tests then fail until someone
 * translates them), keys English no longer has are removed, and existing
 * translations are kept. `npx tsx scripts/i18n-sync.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, locales } from '../lib/i18n/locales';

type Tree = { [key: string]: string | Tree };

function merge(source: Tree, existing: Tree | undefined): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(source)) {
    const current = existing?.[key];
    out[key] =
      typeof value === 'string'
        ? typeof current === 'string'
          ? current
          : value
        : merge(value, typeof current === 'object' ? current : undefined);
  }
  return out;
}

const file = (locale: string) => path.join(process.cwd(), 'locales', `${locale}.json`);
const source = JSON.parse(readFileSync(file(defaultLocale), 'utf8')) as Tree;
for (const locale of locales) {
  if (locale === defaultLocale) continue;
  const existing = JSON.parse(readFileSync(file(locale), 'utf8')) as Tree;
  writeFileSync(file(locale), `${JSON.stringify(merge(source, existing), null, 2)}\n`);
}
console.log('Locale files now have exactly the keys of en.json.');
