import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as swedishStemmer } from '@orama/stemmers/swedish';
import { createTokenizer as createJapaneseTokenizer } from '@orama/tokenizers/japanese';
import MiniSearch from 'minisearch';
import type { Locale } from '../../lib/i18n/locales';
import type { SearchDocument } from '../../lib/search/engine';
import { resultDepth, type SearchFunction } from './relevance';

/**
 * The peers, configured as a documentation site would configure them: every
 * field of the article indexed, titles and error strings boosted, prefix and
 * typo tolerance on, and each library's own language support where it has one.
 */

/** Field boosts shared by both peers: what a docs framework's defaults do (title first, body last). */
const boosts = { id: 4, title: 4, errors: 4, tags: 3, summary: 2, headings: 1.5, text: 1 } as const;
const fields = Object.keys(boosts) as Array<keyof typeof boosts>;

type FlatDocument = Record<(typeof fields)[number], string>;

function flatten(document: SearchDocument): FlatDocument {
  return {
    id: document.id,
    title: document.title,
    errors: document.errors.join('\n'),
    tags: document.tags.join(', '),
    summary: document.summary,
    headings: document.headings.join('\n'),
    text: document.text,
  };
}

const japaneseSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * MiniSearch as VitePress's local search sets it up (fuzzy 0.2, prefix, boosted
 * titles), with accents folded and, for Japanese, words from `Intl.Segmenter`
 * (MiniSearch splits on spaces and punctuation only; the VitePress docs suggest a segmenter for CJK).
 */
export function createMiniSearch(locale: Locale, documents: SearchDocument[]): SearchFunction {
  const fold = (term: string) => term.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  const tokenize =
    locale === 'ja'
      ? (text: string) => [...japaneseSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment)
      : undefined;
  const index = new MiniSearch<FlatDocument>({
    fields: [...fields],
    idField: 'id',
    processTerm: (term) => fold(term) || null,
    ...(tokenize ? { tokenize } : {}),
    searchOptions: { boost: { ...boosts }, fuzzy: 0.2, prefix: true, ...(tokenize ? { tokenize } : {}) },
  });
  index.addAll(documents.map(flatten));
  return (query) => index.search(query).slice(0, resultDepth).map((result) => String(result.id));
}

const oramaLanguage: Record<Locale, { language: string; stemmer?: (word: string) => string }> = {
  en: { language: 'english', stemmer: englishStemmer },
  sv: { language: 'swedish', stemmer: swedishStemmer },
  // Orama tokenizes Czech but ships no Czech stemmer.
  cs: { language: 'czech' },
  de: { language: 'german', stemmer: germanStemmer },
  fr: { language: 'french', stemmer: frenchStemmer },
  ja: { language: 'japanese' },
  ar: { language: 'arabic', stemmer: arabicStemmer },
};

/** Orama with its own tokenizer and stemmer for the locale (its Japanese tokenizer for ja), boosts and typo tolerance 1. */
export async function createOrama(locale: Locale, documents: SearchDocument[]): Promise<SearchFunction> {
  const { language, stemmer } = oramaLanguage[locale];
  const tokenizer =
    locale === 'ja'
      ? createJapaneseTokenizer()
      : { language, ...(stemmer ? { stemming: true, stemmer } : { stemming: false }) };
  const db: AnyOrama = create({
    schema: { articleId: 'string', title: 'string', errors: 'string', tags: 'string', summary: 'string', headings: 'string', text: 'string' },
    components: { tokenizer },
  } as Parameters<typeof create>[0]);
  await insertMultiple(
    db,
    documents.map((document) => {
      const { id, ...rest } = flatten(document);
      return { articleId: id, ...rest };
    }),
  );
  const { id: idBoost, ...fieldBoosts } = boosts;
  return async (query) => {
    const result = await oramaSearch(db, {
      term: query,
      boost: { articleId: idBoost, ...fieldBoosts },
      tolerance: 1,
      limit: resultDepth,
    });
    return result.hits.map((hit) => String(hit.document.articleId));
  };
}
