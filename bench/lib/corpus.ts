import { buildCatalog } from '../../lib/content/build/catalog';
import { readArticleSources } from '../../lib/content/build/read-sources';
import type { Locale } from '../../lib/i18n/locales';
import type { SearchDocument } from '../../lib/search/engine';

/**
 * Synthetic help articles for benchmarks: realistic lengths (a title of 4-10
 * words, a 20-40 word summary, 3-6 headings, a 250-700 word body in 8-20 lines)
 * and a realistic vocabulary: the words of our real articles in that locale, in
 * frequency order, then words spliced from them up to the size a help center of
 * that many articles would have, all drawn by Zipf's law (the few common words
 * are in most articles, most words in few). Japanese uses phrases of the real
 * articles, since it has no spaces to split on. Deterministic.
 */

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Words in frequency order, then made-up words spliced from real ones, to a vocabulary of `size`. */
function vocabularyOf(locale: Locale, size: number, next: () => number): { units: string[]; joiner: string; errors: string[] } {
  const { catalog } = buildCatalog(readArticleSources());
  const entries = catalog.ids.map((id) => catalog.entries[id]![locale] ?? catalog.entries[id]!.en!);
  const text = entries.map((e) => `${e.title}\n${e.summary}\n${e.text}`).join('\n');
  const errors = [...new Set(entries.flatMap((e) => e.errors))];
  const isJapanese = locale === 'ja';
  const raw = isJapanese
    ? text.split(/[\s、。「」（）()・:：,.!?！？\n]+/u).filter((u) => u.length >= 2)
    : text.split(/[^\p{L}\p{N}]+/u).filter((u) => u.length >= 2);
  const counts = new Map<string, number>();
  for (const unit of raw) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  const real = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const units = new Set(real);
  const pieceOf = (unit: string, first: boolean) => {
    const chars = [...unit];
    const cut = Math.max(1, Math.floor(chars.length / 2));
    return (first ? chars.slice(0, cut) : chars.slice(cut)).join('');
  };
  while (units.size < size) {
    const a = real[Math.floor(next() * real.length)]!;
    const b = real[Math.floor(next() * real.length)]!;
    units.add(pieceOf(a, true) + pieceOf(b, false) + (isJapanese ? pieceOf(real[Math.floor(next() * real.length)]!, false) : ''));
  }
  return { units: [...units], joiner: isJapanese ? '' : ' ', errors };
}

/** An index drawn with probability ~ 1/rank (Zipf), as word use in real text is. */
function zipf(length: number, next: () => number): number {
  return Math.min(length - 1, Math.floor(Math.exp(next() * Math.log(length + 1))) - 1);
}

export type Corpus = { documents: SearchDocument[]; sampleWords: string[]; errors: string[] };

/** Distinct words a help center of `articles` articles would have (Heaps' law, roughly). */
const vocabularySize = (articles: number) => Math.round(12 * articles ** 0.75 + 3000);

export function generateCorpus(locale: Locale, size: number, seed = 7): Corpus {
  const next = random(seed + size);
  const { units, joiner, errors } = vocabularyOf(locale, vocabularySize(size), next);
  const pick = () => units[zipf(units.length, next)]!;
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, pick).join(joiner);
  const documents: SearchDocument[] = [];
  for (let i = 0; i < size; i++) {
    const id = i % 2 === 0 ? `WBX${100000 + i}` : `b${(i * 7919).toString(36).padStart(6, 'q')}`;
    const lines = Array.from({ length: 8 + Math.floor(next() * 13) }, () => words(20, 45));
    documents.push({
      id,
      locale,
      isFallback: false,
      title: words(4, 10),
      summary: words(20, 40),
      audience: next() < 0.75 ? 'host' : 'admin',
      tags: Array.from({ length: 3 }, pick),
      headings: Array.from({ length: 3 + Math.floor(next() * 4) }, () => words(2, 6)),
      errors: next() < 0.05 ? [errors[Math.floor(next() * errors.length)] ?? words(6, 10)] : [],
      text: lines.join('\n'),
    });
  }
  return { documents, sampleWords: units, errors };
}

/**
 * A realistic query mix: a word or two, a word being typed (prefix), a word with
 * a typo, an article ID in another letter case, a pasted error message.
 */
export function generateQueries(corpus: Corpus, count: number, locale: Locale, seed = 11): string[] {
  const next = random(seed);
  const word = () => corpus.sampleWords[zipf(corpus.sampleWords.length, next)]!;
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    const w = word();
    if (kind === 0) queries.push(w);
    else if (kind === 1) queries.push(locale === 'ja' ? `${w}${word()}` : `${w} ${word()}`);
    else if (kind === 2) queries.push([...w].slice(0, Math.max(2, Math.ceil([...w].length / 2))).join(''));
    else if (kind === 3) queries.push(w.length >= 5 ? w.slice(0, 2) + w.slice(3) : w);
    else if (kind === 4) queries.push(corpus.documents[Math.floor(next() * corpus.documents.length)]!.id.toLowerCase());
    else queries.push(corpus.errors[Math.floor(next() * corpus.errors.length)] ?? w);
  }
  return queries;
}
