import { z } from 'zod';
import { locales, type Locale } from '@/lib/i18n/locales';

/**
 * What authors keep with the content for search (content/search/<locale>.yaml):
 * function words, synonyms, and the words that mark a question as an
 * administrator's or as a sign-in problem. Plus, for every locale
 * (content/search/codes.yaml), codes we hand out that lead to the article
 * explaining them. Validated by the content check (scripts/build-content.ts).
 */

const phrase = z.string().trim().min(1);

export const localeSearchConfigSchema = z.strictObject({
  locale: z.enum(locales),
  /** Function words: they never match on their own and do not count toward matching. */
  stopWords: z.array(phrase),
  /** Groups of words or phrases that mean the same to a reader: any one finds the others. */
  synonyms: z.array(z.array(phrase).min(2)),
  /** Words or phrases naming an administrator's task: administrator articles may then come first. */
  adminTerms: z.array(phrase).min(1),
  /** Words or phrases of a sign-in problem: the results show the way to sign-in help. */
  signInTerms: z.array(phrase).min(1),
});

export const codesConfigSchema = z.strictObject({
  codes: z.array(z.strictObject({ name: phrase, pattern: phrase, article: phrase })),
});

type LocaleSearchConfig = z.infer<typeof localeSearchConfigSchema>;
type CodeRule = z.infer<typeof codesConfigSchema>['codes'][number];

/** One locale's search configuration, as the index carries it. */
export type SearchConfig = Omit<LocaleSearchConfig, 'locale'> & { locale: Locale; codes: CodeRule[] };

export type ConfigProblem = { file: string; message: string };

/**
 * Problems in the search configuration that would make search wrong: bad
 * patterns, articles that do not exist, a stop word that is also a synonym or an
 * admin term (it would never match), a word in two synonym groups.
 */
export function checkSearchConfig(configs: SearchConfig[], articleIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const codes = configs[0]?.codes ?? [];
  for (const rule of codes) {
    try {
      new RegExp(rule.pattern, 'iu');
    } catch (error) {
      problems.push({ file: 'content/search/codes.yaml', message: `${rule.name}: bad pattern (${(error as Error).message})` });
    }
    if (!articleIds.includes(rule.article)) {
      problems.push({ file: 'content/search/codes.yaml', message: `${rule.name}: no article ${rule.article}` });
    }
  }
  for (const config of configs) {
    const file = `content/search/${config.locale}.yaml`;
    const stop = new Set(config.stopWords.map((w) => w.toLocaleLowerCase(config.locale)));
    const seen = new Map<string, number>();
    config.synonyms.forEach((group, index) => {
      for (const entry of group) {
        const key = entry.toLocaleLowerCase(config.locale);
        if (stop.has(key)) problems.push({ file, message: `synonym "${entry}" is a stop word, so it would never match` });
        const earlier = seen.get(key);
        if (earlier !== undefined && earlier !== index) {
          problems.push({ file, message: `"${entry}" is in two synonym groups (${earlier + 1} and ${index + 1}): merge them` });
        }
        seen.set(key, index);
      }
    });
    for (const term of [...config.adminTerms, ...config.signInTerms]) {
      if (stop.has(term.toLocaleLowerCase(config.locale))) problems.push({ file, message: `"${term}" is a stop word, so it would never match` });
    }
  }
  return problems;
}
