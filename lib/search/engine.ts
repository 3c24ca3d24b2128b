import { Index } from 'flexsearch';
import { buildSnippet, type Segment } from './highlight';
import { encodeText, foldText, isCjkTerm } from './normalize';
import { Vocabulary } from './vocabulary';

/**
 * Full-text search over one locale's articles. Pure: it takes documents and
 * returns ranked hits, and it can be serialized at build time and loaded by the
 * server without re-indexing.
 *
 * Ranking, strongest first:
 * 1. an article ID in the query, in either scheme and any letter case;
 * 2. a pasted product error string, exact or with its punctuation or case changed;
 * 3. matches in the title, error strings or ID, then in the tags, summary and
 *    headings, then in the body.
 */

export type SearchDocument = {
  id: string;
  /** The language of the text: the article's, or English for a missing translation. */
  locale: string;
  isFallback: boolean;
  title: string;
  summary: string;
  audience: 'host' | 'admin';
  tags: string[];
  headings: string[];
  /** Error strings as users see them, in every locale the article exists in. */
  errors: string[];
  text: string;
};

export type SearchHit = {
  id: string;
  locale: string;
  isFallback: boolean;
  title: string;
  audience: 'host' | 'admin';
  snippet: Segment[];
  matchedBy: 'id' | 'error' | 'text';
};

/** A hit with the URL of the article in the reader's locale, as pages and the API show it. */
export type ArticleSearchResult = SearchHit & { url: string };

type FieldName = 'primary' | 'secondary' | 'body';

const fieldWeights: Record<FieldName, number> = { primary: 8, secondary: 3, body: 1 };
const fieldNames = Object.keys(fieldWeights) as FieldName[];
/** Candidates taken from each field before ranking. */
const candidatesPerField = 100;
/** A word in more than this share of articles is too common to narrow a multi-word query. */
const commonWordShare = 0.25;
/** How many completions stand in for a one-character Japanese query (with strict indexes). */
const maxCompletions = 4;
/** A CJK query skips the body field when the other fields matched this many articles well. */
const bodyLookupThreshold = 20;
/** How many of a CJK query's pieces are looked up (the rarest ones). */
const maxCoverageTerms = 6;
/** Typo correction only for words at least this long (shorter ones have too many neighbours). */
const minTypoLength = 5;

/**
 * How words are indexed. `forward` also indexes every prefix (matches as you
 * type). `strict` indexes whole terms only: for Japanese, whose two-character
 * pieces already match any part of a word, prefixes would double the index;
 * prefixes are then completed from the vocabulary at query time instead.
 */
export type Tokenize = 'forward' | 'strict';

export type SerializedEngine = {
  version: 2;
  tokenize: Tokenize;
  documents: SearchDocument[];
  fields: Record<FieldName, Record<string, string>>;
  vocabulary: Array<[string, number]>;
};

function createIndexes(tokenize: Tokenize): Record<FieldName, Index> {
  const create = () => new Index({ tokenize, encode: encodeText, resolution: 9, cache: false });
  return { primary: create(), secondary: create(), body: create() };
}

function fieldText(document: SearchDocument, field: FieldName): string {
  switch (field) {
    case 'primary':
      return [document.id, document.title, ...document.errors].join('\n');
    case 'secondary':
      return [document.tags.join(' '), document.summary, ...document.headings].join('\n');
    case 'body':
      return document.text;
  }
}

/** Error strings reduced to their words: punctuation, case and accents do not matter. */
const normalizeError = (error: string) => encodeText(error).join(' ');

/** Corrections draw letters from correctable words only, not from thousands of kanji. */
const isCorrectable = (word: string) => !isCjkTerm(word);

export class SearchEngine {
  private readonly byId = new Map<string, number>();
  private readonly byError = new Map<string, Set<number>>();
  /** Each article's body lines, and the same folded: prepared once at load, not on every search. */
  private readonly snippetLines: Array<{ lines: string[]; folded: string[] }>;

  private constructor(
    private readonly documents: SearchDocument[],
    private readonly fields: Record<FieldName, Index>,
    private readonly vocabulary: Vocabulary,
    private readonly tokenize: Tokenize,
  ) {
    this.snippetLines = documents.map((document) => {
      const lines = document.text.split('\n');
      return { lines, folded: lines.map(foldText) };
    });
    documents.forEach((document, position) => {
      this.byId.set(document.id.toLowerCase(), position);
      for (const error of document.errors.map(normalizeError).filter(Boolean)) {
        const set = this.byError.get(error) ?? new Set<number>();
        set.add(position);
        this.byError.set(error, set);
      }
    });
  }

  static build(documents: SearchDocument[], tokenize: Tokenize = 'forward'): SearchEngine {
    const fields = createIndexes(tokenize);
    const frequency = new Map<string, number>();
    documents.forEach((document, position) => {
      const seen = new Set<string>();
      for (const field of fieldNames) {
        const text = fieldText(document, field);
        fields[field].add(position, text);
        for (const term of encodeText(text)) seen.add(term);
      }
      for (const term of seen) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    });
    return new SearchEngine(documents, fields, new Vocabulary(frequency, isCorrectable), tokenize);
  }

  static deserialize(data: SerializedEngine): SearchEngine {
    if (data.version !== 2) throw new Error(`Unsupported search index version ${String(data.version)}: rebuild it`);
    const fields = createIndexes(data.tokenize);
    for (const field of fieldNames) {
      for (const [key, value] of Object.entries(data.fields[field])) fields[field].import(key, value);
    }
    return new SearchEngine(data.documents, fields, new Vocabulary(data.vocabulary, isCorrectable), data.tokenize);
  }

  serialize(): SerializedEngine {
    const fields = { primary: {}, secondary: {}, body: {} } as SerializedEngine['fields'];
    for (const field of fieldNames) {
      this.fields[field].export((key: string | number, value: string) => {
        fields[field][String(key)] = value;
      });
    }
    return { version: 2, tokenize: this.tokenize, documents: this.documents, fields, vocabulary: this.vocabulary.entries() };
  }

  get size(): number {
    return this.documents.length;
  }

  search(query: string, limit: number): SearchHit[] {
    const terms = encodeText(query);
    if (terms.length === 0) return [];

    const pinned = new Map<number, 'id' | 'error'>();
    for (const position of this.findIds(query)) pinned.set(position, 'id');
    for (const position of this.findErrors(terms)) if (!pinned.has(position)) pinned.set(position, 'error');

    const searchTerms = terms.map((term) => this.resolveTerm(term));
    const isCjkQuery = searchTerms.some(isCjkTerm);
    // When pinned articles already fill the page, only the title field is needed to order them.
    const fields: FieldName[] = pinned.size >= limit ? ['primary'] : fieldNames;
    const scores = isCjkQuery
      ? this.scoreByCoverage(searchTerms, fields)
      : this.scoreFields(this.withoutCommonWords(searchTerms).join(' '), false, fields);
    if (scores.size === 0 && pinned.size === 0 && !isCjkQuery) {
      // Nothing matches every word: rank what matches most of them.
      for (const [position, score] of this.scoreFields(searchTerms.join(' '), true, fieldNames)) scores.set(position, score);
    }

    const pinWeight = (position: number) => (pinned.get(position) === 'id' ? 2 : pinned.has(position) ? 1 : 0);
    const ranked = [...new Set([...pinned.keys(), ...scores.keys()])].sort(
      (a, b) => pinWeight(b) - pinWeight(a) || (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a - b,
    );

    const highlightTerms = [...new Set(searchTerms)];
    const selectionTerms = isCjkQuery ? this.rarestTerms(highlightTerms) : highlightTerms;
    return ranked.slice(0, limit).map((position) => {
      const document = this.documents[position]!;
      return {
        id: document.id,
        locale: document.locale,
        isFallback: document.isFallback,
        title: document.title,
        audience: document.audience,
        snippet: this.snippet(position, highlightTerms, selectionTerms),
        matchedBy: pinned.get(position) ?? 'text',
      };
    });
  }

  /**
   * The term to search for: as typed when the index has it (whole, or as a prefix
   * with forward indexes); completed to its most frequent word when strict
   * indexes only have it as a prefix; corrected when one typo away from a word.
   */
  private resolveTerm(term: string): string {
    if (isCjkTerm(term)) return term;
    if (this.tokenize === 'forward' ? this.vocabulary.hasPrefix(term) : this.vocabulary.documentFrequency(term) > 0) {
      return term;
    }
    if (this.tokenize === 'strict') {
      const [completion] = this.vocabulary.completions(term, 1);
      if (completion) return completion;
    }
    return term.length >= minTypoLength ? (this.vocabulary.correct(term) ?? term) : term;
  }

  private snippet(position: number, terms: string[], selectionTerms: string[]): Segment[] {
    const { lines, folded } = this.snippetLines[position]!;
    return buildSnippet(lines, folded, terms, this.documents[position]!.summary, undefined, selectionTerms);
  }

  /** Article IDs anywhere in the query: `wbx75907`, `WBX 75907`, `see ktod8p`, full-width digits. */
  private findIds(query: string): number[] {
    const words = foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const found: number[] = [];
    const tryId = (candidate: string) => {
      const position = this.byId.get(candidate);
      if (position !== undefined && !found.includes(position)) found.push(position);
    };
    words.forEach((word, i) => {
      tryId(word);
      const next = words[i + 1];
      if (next && /^\p{L}+$/u.test(word) && /^\d+$/.test(next)) tryId(word + next);
    });
    return found;
  }

  /**
   * Articles whose error string the query is: the same words in the same order,
   * whatever the punctuation, case or accents; or a pasted message that contains
   * one, or a good part of one (three words or more).
   */
  private findErrors(terms: string[]): number[] {
    const normalized = terms.join(' ');
    const exact = this.byError.get(normalized);
    if (exact) return [...exact];
    if (terms.length < 3) return [];
    // Distinct error strings number in the hundreds even for a large help center:
    // checking each is cheaper than intersecting the query's (often common) words.
    const found = new Set<number>();
    const padded = ` ${normalized} `;
    for (const [error, positions] of this.byError) {
      const paddedError = ` ${error} `;
      if (padded.includes(paddedError) || paddedError.includes(padded)) {
        for (const position of positions) found.add(position);
      }
    }
    return [...found];
  }

  /**
   * Japanese and Chinese queries are runs of overlapping two-character pieces,
   * which cross word boundaries the article may not have ("パスワード再設定"
   * against "パスワードを…再設定"). Each article scores by the share of the
   * query's pieces each field contains; articles with less than half are left out.
   */
  private scoreByCoverage(terms: string[], fields: FieldName[]): Map<number, number> {
    // A long pasted message needs only a few of its rarest pieces to find its article.
    const sample = this.rarestTerms(terms);
    const scores = new Map<number, number>();
    if (sample.length === 0) return scores;
    // With strict indexes a one-character piece is looked up through the pieces it begins.
    const slots = sample.map((term) =>
      this.tokenize === 'strict' && [...term].length === 1 ? this.vocabulary.completions(term, maxCompletions) : [term],
    );
    const coverage = new Map<number, number>();
    for (const field of fields) {
      // Bodies are the biggest field: look there only when titles and summaries found too little.
      const wellMatched = [...coverage.values()].filter((share) => share >= 0.5).length;
      if (field === 'body' && wellMatched >= bodyLookupThreshold) break;
      const hits = new Map<number, number>();
      for (const alternatives of slots) {
        const found = new Set<number>();
        for (const term of alternatives) {
          for (const position of this.fields[field].search(term, { limit: candidatesPerField }) as number[]) found.add(position);
        }
        for (const position of found) hits.set(position, (hits.get(position) ?? 0) + 1);
      }
      for (const [position, count] of hits) {
        const share = count / sample.length;
        coverage.set(position, Math.max(coverage.get(position) ?? 0, share));
        const weight = this.documents[position]!.isFallback ? 0.9 : 1;
        scores.set(position, (scores.get(position) ?? 0) + fieldWeights[field] * share * share * weight);
      }
    }
    for (const [position, share] of coverage) if (share < 0.5) scores.delete(position);
    return scores;
  }

  /** The query's rarest indexed terms: they tell articles apart best and cost least to look up. */
  private rarestTerms(terms: string[]): string[] {
    const frequency = (term: string) => {
      const direct = this.vocabulary.documentFrequency(term);
      // A lone character in a strict index counts through the pieces that begin with it.
      if (direct > 0 || this.tokenize === 'forward' || [...term].length !== 1) return direct;
      return this.vocabulary.completions(term, maxCompletions).reduce((sum, c) => sum + this.vocabulary.documentFrequency(c), 0);
    };
    const weighted = [...new Set(terms)].map((term) => [term, frequency(term)] as const).filter(([, f]) => f > 0);
    return weighted
      .sort((a, b) => a[1] - b[1])
      .slice(0, maxCoverageTerms)
      .map(([term]) => term);
  }

  /**
   * Drops words most articles contain ("your", "account") from a query that has
   * rarer ones: they barely change the ranking and cost the most to intersect.
   */
  private withoutCommonWords(terms: string[]): string[] {
    const frequency = (term: string) => this.vocabulary.documentFrequency(term);
    const rare = terms.filter((term) => frequency(term) <= commonWordShare * this.documents.length);
    if (rare.length > 0) return rare;
    // Only common words ("for is"): the least common one finds the same articles, far faster.
    return [terms.reduce((best, term) => (frequency(term) < frequency(best) ? term : best))];
  }

  private scoreFields(query: string, suggest: boolean, fields: FieldName[]): Map<number, number> {
    const scores = new Map<number, number>();
    for (const field of fields) {
      const results = this.fields[field].search(query, { limit: candidatesPerField, suggest }) as number[];
      results.forEach((position, rank) => {
        // Earlier ranks (flexsearch orders by where the words appear) count a little more.
        const score = fieldWeights[field] / (1 + rank * 0.02);
        scores.set(position, (scores.get(position) ?? 0) + score * (this.documents[position]!.isFallback ? 0.9 : 1));
      });
    }
    return scores;
  }
}
