import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Locale } from '@/lib/i18n/locales';
import type { SearchConfig } from './config';
import { foldText } from './normalize';

/**
 * How one locale's text becomes index terms and a query becomes what to look
 * for: folded words (Japanese words from the runtime's `Intl.Segmenter`), function
 * words dropped, the rest reduced to their stems with the Snowball stemmer of the
 * language, and the author's synonyms joined to the word or phrase they stand for.
 */

const snowballAlgorithm: Partial<Record<Locale, string>> = {
  en: 'english',
  sv: 'swedish',
  cs: 'czech',
  de: 'german',
  fr: 'french',
  ar: 'arabic',
};

const wordPattern = /[\p{L}\p{N}\p{M}ー々]+/gu;
/** Characters NFKC may change (full-width, half-width kana, ligatures…), as in normalize.ts. */
const compatibilityChars = /[^\x00-\u024F\u0370-\u052F\u0590-\u06FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]/;
const maxCachedStems = 50_000;
/**
 * Where Japanese text may be cut before segmenting: the segmenter breaks at white
 * space and at these marks anyway (none of them joins words, as "." and ":" can),
 * and it runs faster on short pieces, which also repeat ("管理者に連絡してください").
 */
const segmentBreaks = /[\s、。「」『』（）()！？!?]+/u;
const plainWord = /^[\p{L}\p{N}\p{M}ー々]+$/u;
const maxCachedPieceLength = 64;
const maxCachedPieces = 20_000;

/** One way to satisfy a query word: every term must match; `weight` says how close it is to what was typed. */
type Alternative = { terms: string[]; weight: number };

/**
 * One meaningful word (or synonym phrase) of a query. `word` is what was typed
 * (folded), for completions and typo corrections; `last` marks the word being typed.
 */
export type Slot = { word: string; alternatives: Alternative[]; last: boolean; isPhrase: boolean };

type Phrase = { stems: string[]; group: number };

export class Analyzer {
  private readonly stemmer: Stemmer | undefined;
  private readonly segmenter: Intl.Segmenter | undefined;
  private readonly stopWords: Set<string>;
  private readonly stemCache = new Map<string, string>();
  private readonly pieceCache = new Map<string, string[]>();
  private lastQuery: { query: string; words: Array<[string, string]> } | undefined;
  /** Synonym entries by their first stem, longest first. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** Each synonym group's entries as index terms (function words left out). */
  private readonly groupTerms: string[][][] = [];
  private readonly adminPhrases: string[][];
  private readonly signInPhrases: string[][];

  constructor(readonly config: SearchConfig) {
    const algorithm = snowballAlgorithm[config.locale];
    this.stemmer = algorithm ? newStemmer(algorithm) : undefined;
    this.segmenter = config.locale === 'ja' ? new Intl.Segmenter('ja', { granularity: 'word' }) : undefined;
    this.stopWords = new Set(config.stopWords.flatMap((word) => this.words(word)));
    config.synonyms.forEach((group, index) => {
      const entries = group.map((entry) => this.stemmedWords(entry));
      this.groupTerms.push(entries.map((words) => this.termsOf(words)).filter((terms) => terms.length > 0));
      for (const stems of group.flatMap((entry) => this.phraseStems(entry))) {
        const list = this.phrases.get(stems[0]!) ?? [];
        list.push({ stems, group: index });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.phrases.set(stems[0]!, list);
      }
    });
    this.adminPhrases = config.adminTerms.flatMap((term) => this.phraseStems(term));
    this.signInPhrases = config.signInTerms.flatMap((term) => this.phraseStems(term));
  }

  /** Folded words of a text, function words included. */
  words(text: string): string[] {
    return this.lowerWords(text).map(foldText);
  }

  /**
   * Lower-cased words with their accents: stemmers need them ("désactivée" →
   * "désactiv"), and fold what they return. Japanese words come from `Intl.Segmenter`.
   */
  private lowerWords(text: string): string[] {
    const lowered = (compatibilityChars.test(text) ? text.normalize('NFKC') : text).toLowerCase();
    if (!this.segmenter) return lowered.match(wordPattern) ?? [];
    const words: string[] = [];
    for (const piece of lowered.split(segmentBreaks)) {
      if (piece) for (const word of this.segmentPiece(piece, this.segmenter)) words.push(word);
    }
    return words;
  }

  /** The words of a piece of Japanese text without white space or sentence marks; short pieces are remembered. */
  private segmentPiece(piece: string, segmenter: Intl.Segmenter): string[] {
    const cached = this.pieceCache.get(piece);
    if (cached) return cached;
    const words: string[] = [];
    for (const segment of segmenter.segment(piece)) {
      if (!segment.isWordLike) continue;
      // The segmenter keeps some punctuation inside words ("e-mail"): split those as elsewhere.
      if (plainWord.test(segment.segment)) words.push(segment.segment);
      else for (const word of segment.segment.match(wordPattern) ?? []) words.push(word);
    }
    if (piece.length <= maxCachedPieceLength) {
      if (this.pieceCache.size >= maxCachedPieces) this.pieceCache.clear();
      this.pieceCache.set(piece, words);
    }
    return words;
  }

  /**
   * The stems of a phrase as written and as typed without accents: stemmers may
   * cut the two spellings differently ("administratör", "administrator").
   */
  private phraseStems(phrase: string): string[][] {
    const variants = [this.stemmedWords(phrase).map(([, stem]) => stem), this.stemmedWords(foldText(phrase)).map(([, stem]) => stem)];
    return variants.filter((stems, i) => stems.length > 0 && (i === 0 || stems.join(' ') !== variants[0]!.join(' ')));
  }

  /** Each word of a text as [folded word, folded stem]. */
  private stemmedWords(text: string): Array<[word: string, stem: string]> {
    return this.lowerWords(text).map((word) => [foldText(word), this.stemLower(word)]);
  }

  /** A query's words: one search analyzes its query more than once (slots, intents). */
  private queryWords(query: string): Array<[word: string, stem: string]> {
    if (this.lastQuery?.query === query) return this.lastQuery.words;
    const words = this.stemmedWords(query);
    this.lastQuery = { query, words };
    return words;
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word);
  }

  /** The folded stem of a lower-cased word (accents kept for the stemmer, folded after). */
  private stemLower(word: string): string {
    let stem = this.stemCache.get(word);
    if (stem === undefined) {
      if (this.stemCache.size >= maxCachedStems) this.stemCache.clear();
      // A stemmer may cut a short word to nothing (Czech "e" of "e-mail", "us"): the word then stands for itself.
      stem = foldText((this.stemmer ? this.stemmer.stem(word) : word) || word);
      this.stemCache.set(word, stem);
    }
    return stem;
  }

  /** The stem of a word as typed (any case, with or without accents). */
  stem(word: string): string {
    return this.stemLower(word.toLowerCase());
  }

  private termsOf(words: Array<[string, string]>): string[] {
    return words.filter(([word]) => !this.isStopWord(word)).map(([, stem]) => stem);
  }

  /** Index terms of a text, with the surface word (folded) each came from. */
  indexTerms(text: string): Array<[term: string, word: string]> {
    return this.stemmedWords(text)
      .filter(([word]) => !this.isStopWord(word))
      .map(([word, stem]) => [stem, word]);
  }

  /**
   * The query as slots: each meaningful word, or each synonym phrase found in it
   * (longest first, so "sign in" is one slot), with the synonyms as alternatives.
   */
  analyzeQuery(query: string): Slot[] {
    const pairs = this.queryWords(query);
    const words = pairs.map(([word]) => word);
    const stems = pairs.map(([, stem]) => stem);
    const slots: Slot[] = [];
    for (let i = 0; i < words.length; ) {
      const phrase = (this.phrases.get(stems[i]!) ?? []).find((p) => p.stems.every((stem, k) => stems[i + k] === stem));
      if (phrase) {
        const end = i + phrase.stems.length;
        const typed = this.termsOf(pairs.slice(i, end));
        const alternatives: Alternative[] = typed.length > 0 ? [{ terms: typed, weight: 1 }] : [];
        for (const terms of this.groupTerms[phrase.group]!) {
          if (!alternatives.some((a) => a.terms.join(' ') === terms.join(' '))) alternatives.push({ terms, weight: 0.9 });
        }
        if (alternatives.length > 0) {
          slots.push({ word: words.slice(i, end).join(' '), alternatives, last: end === words.length, isPhrase: phrase.stems.length > 1 });
        }
        i = end;
        continue;
      }
      if (!this.isStopWord(words[i]!)) {
        slots.push({ word: words[i]!, alternatives: [{ terms: [stems[i]!], weight: 1 }], last: i === words.length - 1, isPhrase: false });
      }
      i++;
    }
    return slots;
  }

  /**
   * Every synonym entry of more than one index term, as written and as typed
   * without accents: the alternatives of several terms a query can look for.
   */
  phraseTerms(): string[][] {
    const found = new Map<string, string[]>();
    for (const entry of this.config.synonyms.flat()) {
      for (const text of [entry, foldText(entry)]) {
        const terms = this.termsOf(this.stemmedWords(text));
        if (terms.length > 1) found.set(terms.join(' '), terms);
      }
    }
    return [...found.values()];
  }

  /** Every one-word entry of the synonym lists. */
  synonymWords(): string[] {
    return this.config.synonyms.flat().flatMap((entry) => {
      const words = this.words(entry);
      return words.length === 1 ? words : [];
    });
  }

  /** Whether the query names an administrator's task. */
  isAdminQuestion(query: string): boolean {
    return this.containsAny(query, this.adminPhrases);
  }

  /** Whether the query is about not being able to sign in. */
  isSignInQuestion(query: string): boolean {
    return this.containsAny(query, this.signInPhrases);
  }

  private containsAny(query: string, phrases: string[][]): boolean {
    const stems = this.queryWords(query).map(([, stem]) => stem);
    return phrases.some((phrase) =>
      phrase.length > 0 && stems.some((_, i) => phrase.every((stem, k) => stems[i + k] === stem)),
    );
  }
}
