import { beforeAll, describe, expect, it } from 'vitest';
import { createOurSearch } from '@/bench/lib/our-search';
import { evaluate, measure, readBaseline, readRelevanceSet, type QuestionOutcome } from '@/bench/lib/relevance';
import { locales, type Locale } from '@/lib/i18n/locales';

/**
 * The relevance gate: the questions of bench/relevance/<locale>.yaml must rank at
 * least as well as the committed baseline (bench/relevance/baseline.json, written
 * by `node --import tsx bench/relevance.ts --write-baseline`). Deterministic: it
 * counts ranks, never times.
 */
const baseline = readBaseline();
const outcomesByLocale = new Map<Locale, QuestionOutcome[]>();

describe('relevance against the committed baseline', () => {
  // Seven indexes of the real articles: more than the default hook time on a busy two-core machine.
  beforeAll(async () => {
    for (const locale of locales) outcomesByLocale.set(locale, await evaluate(readRelevanceSet(locale), createOurSearch(locale)));
  }, 120_000);

  it.each(locales)('%s keeps hit@1 and MRR', (locale) => {
    const outcomes = outcomesByLocale.get(locale)!;
    const measures = measure(outcomes);
    const misses = outcomes.filter((o) => o.rank !== 1).map((o) => `${o.question.q} → ${o.found.slice(0, 3).join(', ') || 'nothing'}`);
    expect(measures.hitAt1, `hit@1 in ${locale}; misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(baseline[locale].hitAt1);
    expect(measures.mrr, `MRR in ${locale}`).toBeGreaterThanOrEqual(baseline[locale].mrr);
  });

  it('keeps hit@1 and MRR overall', () => {
    const all = locales.flatMap((locale) => outcomesByLocale.get(locale)!);
    expect(all).toHaveLength(locales.reduce((n, l) => n + readRelevanceSet(l).questions.length, 0));
    const measures = measure(all);
    expect(measures.hitAt1).toBeGreaterThanOrEqual(baseline.all.hitAt1);
    expect(measures.mrr).toBeGreaterThanOrEqual(baseline.all.mrr);
  });
});
