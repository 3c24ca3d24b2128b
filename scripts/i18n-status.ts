/**
 * Which UI strings a locale still lacks: keys missing from locales/<locale>.json
 * or still identical to English. `npx tsx scripts/i18n-status.ts [locale]`
 * prints them as JSON ({ key: englishText }), ready to translate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, isLocale, locales } from '../lib/i18n/locales';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else flatten(value, full, out);
  }
  return out;
}

const read = (locale: string) =>
  flatten(JSON.parse(readFileSync(path.join(process.cwd(), 'locales', `${locale}.json`), 'utf8')) as Tree);

const source = read(defaultLocale);
const wanted = process.argv[2];
if (wanted !== undefined && !isLocale(wanted)) throw new Error(`Unknown locale "${wanted}"`);

for (const locale of wanted ? [wanted] : locales.filter((l) => l !== defaultLocale)) {
  const messages = read(locale);
  const todo = Object.fromEntries(
    [...source].filter(([key, english]) => messages.get(key) === undefined || messages.get(key) === english),
  );
  console.log(wanted ? JSON.stringify(todo, null, 2) : `${locale}: ${Object.keys(todo).length} to translate`);
}
