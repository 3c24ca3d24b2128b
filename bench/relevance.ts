/**
 * Relevance: the questions of bench/relevance/<locale>.yaml through our search
 * and two peers (MiniSearch, Orama) over the same articles: hit@1, hit@3 and MRR
 * per locale and overall, and the share of off-topic questions that find nothing.
 * Writes bench/results/<date>-relevance.md (and .json). Needs no build.
 *
 *   node --import tsx bench/relevance.ts                    the report
 *   node --import tsx bench/relevance.ts --write-baseline   also commit today's figures as the
 *                                                           Vitest gate's floor (bench/relevance/baseline.json)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '../lib/i18n/locales';
import { createOrama, createMiniSearch } from './lib/peers';
import { createOurSearch, readSearchDocuments } from './lib/our-search';
import { baselineFile, evaluate, failures, measure, readRelevanceSet, toBaseline, type Measures, type QuestionOutcome } from './lib/relevance';
import { describeMachine, table, writeResult } from './lib/report';
import { repositoryRoot } from './lib/servers';

const engines = ['ours', 'MiniSearch', 'Orama'] as const;
type EngineName = (typeof engines)[number];

const f = (value: number) => value.toFixed(3);

async function main() {
  const outcomes: Record<EngineName, Record<string, QuestionOutcome[]>> = { ours: {}, MiniSearch: {}, Orama: {} };
  for (const locale of locales) {
    const set = readRelevanceSet(locale);
    const documents = readSearchDocuments(locale);
    outcomes.ours[locale] = await evaluate(set, createOurSearch(locale, documents));
    outcomes.MiniSearch[locale] = await evaluate(set, createMiniSearch(locale, documents));
    outcomes.Orama[locale] = await evaluate(set, await createOrama(locale, documents));
  }
  const measures = (engine: EngineName, locale?: Locale): Measures =>
    measure(locale ? outcomes[engine][locale]! : locales.flatMap((l) => outcomes[engine][l]!));

  const rows: Array<Array<string | number>> = [];
  for (const scope of [...locales, undefined]) {
    for (const engine of engines) {
      const m = measures(engine, scope);
      rows.push([scope ?? '**all**', engine, m.questions, f(m.hitAt1), f(m.hitAt3), f(m.mrr), `${m.offTopic}`, f(m.offTopicEmpty)]);
    }
  }
  const ours = measures('ours');
  const ahead = locales.filter((locale) =>
    engines.slice(1).every((peer) => {
      const a = measures('ours', locale);
      const b = measures(peer, locale);
      return a.hitAt1 > b.hitAt1 || (a.hitAt1 === b.hitAt1 && a.mrr > b.mrr);
    }),
  );
  const lowest = Math.min(...locales.map((l) => measures('ours', l).hitAt1));
  const misses = locales.flatMap((locale) =>
    failures(outcomes.ours[locale]!).map((o) => [
      locale,
      o.question.kind,
      `\`${o.question.q}\``,
      o.question.a.join(', ') || '(nothing)',
      o.found.slice(0, 3).join(', ') || '(nothing)',
    ]),
  );

  const markdown = [
    `# Relevance against peers (${new Date().toISOString().slice(0, 10)})`,
    '',
    describeMachine(),
    `- Questions from bench/relevance/<locale>.yaml; the real articles of content/, English standing in for missing translations.`,
    '- hit@k: an answer among the first k results; MRR: mean of 1/rank of the first answer (0 beyond 10).',
    '  Off-topic questions count only in the last column: the share that found nothing.',
    '- Peers: MiniSearch (VitePress-style: prefix, fuzzy 0.2, boosted title; accents folded; `Intl.Segmenter` for ja),',
    '  Orama (its tokenizer and Snowball stemmer per language, its Japanese tokenizer, tolerance 1, the same boosts).',
    '',
    table(['locale', 'engine', 'questions', 'hit@1', 'hit@3', 'MRR', 'off-topic', 'off-topic empty'], rows),
    '',
    `Targets: overall hit@1 ≥ 0.95 (now ${f(ours.hitAt1)}), MRR ≥ 0.97 (now ${f(ours.mrr)}), no locale under 0.90 hit@1`,
    `(lowest ${f(lowest)}), ahead of both peers in every locale (ahead in ${ahead.length} of ${locales.length}: ${ahead.join(', ') || 'none'}),`,
    `off-topic finding nothing ≥ 0.90 (now ${f(ours.offTopicEmpty)}).`,
    '',
    '## Our misses',
    '',
    misses.length > 0 ? table(['locale', 'kind', 'question', 'answers', 'we found'], misses) : 'None.',
  ].join('\n');
  const file = writeResult('relevance', markdown, {
    measures: Object.fromEntries(
      engines.map((engine) => [engine, Object.fromEntries([...locales, 'all'].map((l) => [l, measures(engine, l === 'all' ? undefined : (l as Locale))]))]),
    ),
    misses: misses.map(([locale, kind, q, a, found]) => ({ locale, kind, q, a, found })),
  });
  console.log(markdown);
  if (process.argv.includes('--write-baseline')) {
    const baseline = toBaseline(Object.fromEntries(locales.map((l) => [l, measures('ours', l)])) as Record<Locale, Measures>, ours);
    writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
    console.log(`Baseline written to ${path.relative(repositoryRoot, baselineFile)}`);
  }
  console.log(`\nWritten to ${path.relative(repositoryRoot, file)}`);
}

await main();
