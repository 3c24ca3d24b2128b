import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '@/lib/content/types';
import { locales, type Locale } from '@/lib/i18n/locales';
import type { SearchConfig } from './config';
import { buildSearchDocuments } from './documents';
import { SearchEngine } from './engine';

/** Builds every locale's search index and writes it next to the catalog (build time). */
export function writeGeneratedSearch(catalog: Catalog, configs: Map<Locale, SearchConfig>, outDir: string): string {
  const dir = path.join(outDir, 'search');
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const locale of locales) {
    const json = JSON.stringify(SearchEngine.build(buildSearchDocuments(catalog, locale), configs.get(locale)!).serialize());
    writeFileSync(path.join(dir, `${locale}.json`), json);
    bytes += Buffer.byteLength(json);
  }
  return `${locales.length} search indexes, ${(bytes / 1024).toFixed(0)} kB`;
}
