import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { locales, type Locale } from '@/lib/i18n/locales';
import { codesConfigSchema, localeSearchConfigSchema, type ConfigProblem, type SearchConfig } from './config';

const directory = path.join(process.cwd(), 'content', 'search');

/** Reads and validates content/search/ (build time, tests, benches). */
export function readSearchConfigs(): { configs: Map<Locale, SearchConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const configs = new Map<Locale, SearchConfig>();
  const read = (name: string) => parse(readFileSync(path.join(directory, name), 'utf8')) as unknown;
  const codes = codesConfigSchema.safeParse(read('codes.yaml'));
  if (!codes.success) problems.push({ file: 'content/search/codes.yaml', message: codes.error.message });
  for (const locale of locales) {
    const file = `content/search/${locale}.yaml`;
    const parsed = localeSearchConfigSchema.safeParse(read(`${locale}.yaml`));
    if (!parsed.success) {
      problems.push({ file, message: parsed.error.message });
      continue;
    }
    if (parsed.data.locale !== locale) problems.push({ file, message: `says locale ${parsed.data.locale}` });
    configs.set(locale, { ...parsed.data, locale, codes: codes.success ? codes.data.codes : [] });
  }
  return { configs, problems };
}

/** One locale's configuration; throws on any problem (for tests and benches). */
export function readSearchConfig(locale: Locale): SearchConfig {
  const { configs, problems } = readSearchConfigs();
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return configs.get(locale)!;
}
