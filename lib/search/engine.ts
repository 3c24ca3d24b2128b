import { Index } from 'flexsearch';
import { Analyzer, type Slot } from './analysis';
import type { SearchConfig } from './config';
import { buildSnippet, type Segment } from './highlight';
import { encodeText, foldText, isCjkTerm } from './normalize';
import { toSnippetLines } from './snippet-text';
import { Vocabulary } from './vocabulary';

/**
 * Full-text search over one locale's articles. Pure: it takes documents and the
 * locale's search configuration and returns ranked hits, and it can be
 * serialized at build time and loaded by the server without re-indexing.
 *
 * flexsearch holds the terms and finds the candidates; around it, the locale's
 * analysis (see analysis.ts: function words out, Snowball stems, Japanese words
 * from `Intl.Segmenter`, the authors' synonyms) and this ranking, strongest first:
 * 1. a code we hand out (a sign-in help reference code) leads to the article explaining it;
 * 2. an article ID in the query, in either scheme and any letter case;
 * 3. a pasted product error string, exact or with its punctuation or case changed;
 * 4. host articles before administrator articles, unless the question names an
 *    administrator's task or the reader asked for administrator articles;
 * 5. the query's meaningful words matched (most of them, or nothing is found),
 *    rare words counting more, in the title, error strings or ID first, then the
 *    tags, summary and headings, then the body.
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
  /**
   * The error strings in this document's own language, for ranking by words (all
   * of `errors` when absent). Other languages' strings still find the article when
   * pasted, but their words ("Contact your system administrator") must not rank it
   * for questions in this language.
   */
  ownErrors?: string[];
  /** Old IDs of the article (frontmatter `aliases`): an ID search finds it by them too. */
  aliases?: string[];
  text: string;
};

type MatchedBy = 'code' | 'id' | 'error' | 'text';

export type SearchHit = {
  id: string;
  locale: string;
  isFallback: boolean;
  title: string;
  audience: 'host' | 'admin';
  snippet: Segment[];
  matchedBy: MatchedBy;
};

export type SearchOptions = {
  /** `admin` when the reader asked for administrator articles: they come first. */
  audience?: 'host' | 'admin';
};

/** A hit with the URL of the article in the reader's locale, as pages and the API show it. */
export type ArticleSearchResult = SearchHit & { url: string };

type FieldName = 'primary' | 'secondary' | 'body';

const fieldWeights: Record<FieldName, number> = { primary: 8, secondary: 3, body: 1 };
const fieldNames = Object.keys(fieldWeights) as FieldName[];
/** Candidates taken from each field for each term before ranking. */
const candidatesPerField = 200;
/**
 * Lookups remembered per field. The index is read-only once loaded, so an answer
 * never goes stale; people search the same few words over and over, and each
 * answer the index builds anew (hundreds of positions) is garbage the collector
 * stops a later search for, longer the larger the heap. At most about 1.5 MB.
 */
const maxCachedLookups = 1_000;
/** Typo correction only for words at least this long (shorter ones have too many neighbours). */
const minTypoLength = 5;
/** How many words complete a word being typed. */
const maxCompletions = 3;
const completionWeight = 0.8;
const correctionWeight = 0.7;
const pinWeights: Record<MatchedBy, number> = { code: 3, id: 2, error: 1, text: 0 };
/** An article must match at least this share of the query's weight (rare words weigh more). */
const minWeightShare = 0.6;
/** A bonus for a title that is mostly the query's words: "How do I contact my site administrator?" for "site admin". */
const titleShareWeight = 8;
/** The share of a title the query must cover for the title alone to keep an article. */
const minTitleShare = 1 / 3;
/** Words of the query this close (in characters) in a title or summary earn a boost; checked for this many articles. */
const proximityWindow = 24;
const proximityCandidates = 30;
const proximityBoost = 0.25;

/**
 * How many of a query's `count` meaningful words an article must match: all of
 * one or two, two of three, three of four, four of five or six… A question
 * sharing one word with an article ("my zoom meeting has no sound") finds nothing.
 */
function requiredMatches(count: number): number {
  return count <= 2 ? count : Math.ceil((count * 2) / 3);
}

export type SerializedEngine = {
  version: 4;
  config: SearchConfig;
  documents: SearchDocument[];
  fields: Record<FieldName, Record<string, string>>;
  /** Synonym phrases of several terms: per field, the articles having all of them (the best `candidatesPerField`). */
  phrases: Record<FieldName, Array<[phrase: string, positions: number[]]>>;
  /** Index terms (stems) with their document frequency. */
  terms: Array<[string, number]>;
  /** Words as written (folded), with their document frequency and stem: for completions and typo corrections. */
  words: Array<[string, number, string]>;
};

function createIndexes(): Record<FieldName, Index> {
  // Terms arrive analyzed (stemmed, function words out), space-separated: the index stores them as they are.
  const create = () => new Index({ tokenize: 'strict', encode: splitTerms, resolution: 9, cache: false });
  return { primary: create(), secondary: create(), body: create() };
}

const splitTerms = (text: string) => text.split(' ').filter(Boolean);

/** One key for a phrase of several terms. */
const phraseKey = (terms: readonly string[]) => terms.join(' ');

type Postings = Record<FieldName, Map<string, number[]>>;

/**
 * The articles having every term of each synonym phrase in a field, found at build
 * time: a query for "správce systému" is then one lookup, where flexsearch would
 * intersect two lists of thousands. Like the index's own answers, the best
 * `candidatesPerField` are kept: those where the phrase's terms come earliest.
 */
class PhraseCollector {
  private readonly found: Record<FieldName, Map<string, Array<[position: number, rank: number]>>> = {
    primary: new Map(),
    secondary: new Map(),
    body: new Map(),
  };

  constructor(private readonly phrases: string[][]) {}

  add(field: FieldName, position: number, terms: readonly string[]): void {
    if (this.phrases.length === 0 || terms.length === 0) return;
    const first = new Map<string, number>();
    terms.forEach((term, index) => {
      if (!first.has(term)) first.set(term, index);
    });
    for (const phrase of this.phrases) {
      let last = 0;
      for (const term of phrase) {
        const at = first.get(term);
        if (at === undefined) {
          last = -1;
          break;
        }
        last = Math.max(last, at);
      }
      if (last < 0) continue;
      const key = phraseKey(phrase);
      const list = this.found[field].get(key) ?? [];
      // The index's resolution: where in the field the phrase is complete, in nine steps.
      list.push([position, Math.floor((9 * last) / terms.length)]);
      this.found[field].set(key, list);
    }
  }

  postings(): Postings {
    const result: Postings = { primary: new Map(), secondary: new Map(), body: new Map() };
    for (const field of fieldNames) {
      for (const [key, list] of this.found[field]) {
        const best = list.sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, candidatesPerField);
        result[field].set(key, best.map(([position]) => position));
      }
    }
    return result;
  }
}

function fieldText(document: SearchDocument, field: FieldName): string {
  switch (field) {
    case 'primary':
      return [document.id, document.title, ...(document.ownErrors ?? document.errors)].join('\n');
    case 'secondary':
      return [document.tags.join(', '), document.summary, ...document.headings].join('\n');
    case 'body':
      return document.text;
  }
}

/** Error strings reduced to their words: punctuation, case and accents do not matter. */
const normalizeError = (error: string) => encodeText(error).join(' ');

/** Corrections draw letters from correctable words only, not from thousands of kanji. */
const isCorrectable = (word: string) => !isCjkTerm(word);

type ResolvedSlot = Slot & { idf: number };

/** The articles a query's words found (in the order first found), with their scores and how many slots each matched. */
type Candidates = { positions: PositionList; score: Float64Array; coverage: Uint16Array; isScored: (position: number) => boolean };

/**
 * A list of article positions in a buffer made once, as long as the corpus: a
 * query of common words finds thousands of articles, and arrays grown push by
 * push on every search are garbage the collector then stops a later search for.
 */
class PositionList {
  private readonly items: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  at(index: number): number {
    return this.items[index]!;
  }

  push(position: number): void {
    this.items[this.length++] = position;
  }

  clear(): void {
    this.length = 0;
  }
}

/**
 * The first `limit` of the items offered, in `compare` order, without sorting
 * them all: a query of common words finds thousands of articles, a page shows ten.
 */
class TopList {
  readonly items: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(item: number): void {
    const { items, limit, compare } = this;
    if (limit <= 0 || (items.length === limit && compare(item, items[limit - 1]!) >= 0)) return;
    let at = items.length;
    while (at > 0 && compare(item, items[at - 1]!) < 0) at--;
    items.splice(at, 0, item);
    if (items.length > limit) items.pop();
  }
}

/**
 * Per-article accumulators for scoring, indexed by article position and reused
 * from search to search. A stamp per array says which query, slot or alternative
 * wrote the value, so nothing is cleared between searches.
 */
class Scratch {
  readonly stamp: Uint32Array;
  readonly total: Float64Array;
  readonly matched: Uint16Array;
  readonly matchedWeight: Float64Array;
  readonly inTitle: Uint16Array;
  readonly titleWeight: Float64Array;
  readonly score: Float64Array;
  readonly scoredStamp: Uint32Array;
  readonly slotBest: Float64Array;
  readonly titledStamp: Uint32Array;
  private readonly slotStamp: Uint32Array;
  private readonly alternativeScore: Float64Array;
  private readonly alternativeStamp: Uint32Array;
  /** Articles found by this query, slot and alternative, in the order first found. */
  readonly found: PositionList;
  readonly slotFound: PositionList;
  private readonly alternativeFound: PositionList;
  /** The articles kept by this query (enough of its words matched). */
  readonly kept: PositionList;
  private counter = 0;
  query = 0;
  slot = 0;
  private alternative = 0;

  constructor(size: number) {
    this.stamp = new Uint32Array(size);
    this.total = new Float64Array(size);
    this.matched = new Uint16Array(size);
    this.matchedWeight = new Float64Array(size);
    this.inTitle = new Uint16Array(size);
    this.titleWeight = new Float64Array(size);
    this.score = new Float64Array(size);
    this.scoredStamp = new Uint32Array(size);
    this.slotBest = new Float64Array(size);
    this.titledStamp = new Uint32Array(size);
    this.slotStamp = new Uint32Array(size);
    this.alternativeScore = new Float64Array(size);
    this.alternativeStamp = new Uint32Array(size);
    this.found = new PositionList(size);
    this.slotFound = new PositionList(size);
    this.alternativeFound = new PositionList(size);
    this.kept = new PositionList(size);
  }

  private tick(): number {
    if (this.counter === 0xffffffff) {
      // After four billion stamps, start again from clean arrays.
      for (const stamps of [this.stamp, this.scoredStamp, this.titledStamp, this.slotStamp, this.alternativeStamp]) stamps.fill(0);
      this.counter = 0;
    }
    return ++this.counter;
  }

  next(): void {
    this.query = this.tick();
    this.found.clear();
    this.kept.clear();
  }

  nextSlot(): void {
    this.slot = this.tick();
    this.slotFound.clear();
  }

  nextAlternative(): void {
    this.alternative = this.tick();
    this.alternativeFound.clear();
  }

  addToAlternative(position: number, weight: number): void {
    if (this.alternativeStamp[position] !== this.alternative) {
      this.alternativeStamp[position] = this.alternative;
      this.alternativeScore[position] = 0;
      this.alternativeFound.push(position);
    }
    this.alternativeScore[position]! += weight;
  }

  markTitled(position: number): void {
    this.titledStamp[position] = this.slot;
  }

  /** A slot scores each article by its best alternative. */
  keepBestAlternative(): void {
    for (let i = 0; i < this.alternativeFound.length; i++) {
      const position = this.alternativeFound.at(i);
      const score = this.alternativeScore[position]!;
      if (this.slotStamp[position] !== this.slot) {
        this.slotStamp[position] = this.slot;
        this.slotBest[position] = score;
        this.slotFound.push(position);
      } else if (score > this.slotBest[position]!) {
        this.slotBest[position] = score;
      }
    }
  }
}

export class SearchEngine {
  private readonly byId = new Map<string, number>();
  private readonly byError = new Map<string, Set<number>>();
  private readonly codes: Array<{ pattern: RegExp; position: number }>;
  private readonly analyzer: Analyzer;
  /** Each article's body lines as text (no markup), and the same folded: prepared once at load. */
  private readonly snippetLines: Array<{ lines: string[]; folded: string[] }>;
  /** Each title and summary, folded, for the proximity of query words. */
  private readonly shortTexts: string[];
  /** How many distinct terms each title has. */
  private readonly titleLengths: Uint16Array;
  /**
   * Per article, 1 for an administrators' article and for an English fallback:
   * ranking reads these for thousands of candidates, and documents parsed from
   * JSON have many shapes (optional fields), which keeps the optimizer from
   * reading their fields fast.
   */
  private readonly isAdmin: Uint8Array;
  private readonly isFallback: Uint8Array;
  /** Words of the synonym lists, for correcting a typo in a word the articles do not use. */
  private readonly synonymWords: Vocabulary;
  /** The synonym phrases the build found in the articles (see PhraseCollector). */
  private readonly knownPhrases: Set<string>;
  private scratchArrays: Scratch | undefined;
  /** Recent lookups by field: see `lookup`. */
  private readonly lookupCache: Record<FieldName, Map<string, number[]>> = { primary: new Map(), secondary: new Map(), body: new Map() };

  private constructor(
    private readonly config: SearchConfig,
    private readonly documents: SearchDocument[],
    private readonly fields: Record<FieldName, Index>,
    private readonly terms: Map<string, number>,
    private readonly words: Vocabulary,
    private readonly stemOf: Map<string, string>,
    private readonly phrases: Postings,
  ) {
    this.analyzer = new Analyzer(config);
    this.knownPhrases = new Set(this.analyzer.phraseTerms().map(phraseKey));
    this.shortTexts = documents.map((document) => foldText(`${document.title}\n${document.summary}`));
    this.titleLengths = Uint16Array.from(documents, (document) => new Set(this.analyzer.indexTerms(document.title).map(([term]) => term)).size);
    this.isAdmin = Uint8Array.from(documents, (document) => (document.audience === 'admin' ? 1 : 0));
    this.isFallback = Uint8Array.from(documents, (document) => (document.isFallback ? 1 : 0));
    this.synonymWords = new Vocabulary(
      this.analyzer.synonymWords().map((word) => [word, 1] as [string, number]),
      isCorrectable,
    );
    this.snippetLines = documents.map((document) => {
      const lines = toSnippetLines(document.text);
      return { lines, folded: lines.map(foldText) };
    });
    documents.forEach((document, position) => {
      this.byId.set(document.id.toLowerCase(), position);
      for (const alias of document.aliases ?? []) this.byId.set(alias.toLowerCase(), position);
      for (const error of document.errors.map(normalizeError).filter(Boolean)) {
        const set = this.byError.get(error) ?? new Set<number>();
        set.add(position);
        this.byError.set(error, set);
      }
    });
    this.codes = config.codes.flatMap((rule) => {
      const position = this.byId.get(rule.article.toLowerCase());
      return position === undefined ? [] : [{ pattern: new RegExp(rule.pattern, 'iu'), position }];
    });
  }

  static build(documents: SearchDocument[], config: SearchConfig): SearchEngine {
    const analyzer = new Analyzer(config);
    const fields = createIndexes();
    const termFrequency = new Map<string, number>();
    const wordFrequency = new Map<string, number>();
    const stemOf = new Map<string, string>();
    const phrases = new PhraseCollector(analyzer.phraseTerms());
    documents.forEach((document, position) => {
      const seenTerms = new Set<string>();
      const seenWords = new Set<string>();
      for (const field of fieldNames) {
        const pairs = analyzer.indexTerms(fieldText(document, field));
        const terms = pairs.map(([term]) => term);
        fields[field].add(position, terms.join(' '));
        phrases.add(field, position, terms);
        for (const [term, word] of pairs) {
          seenTerms.add(term);
          seenWords.add(word);
          stemOf.set(word, term);
        }
      }
      for (const term of seenTerms) termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
      for (const word of seenWords) wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
    });
    return new SearchEngine(config, documents, fields, termFrequency, new Vocabulary(wordFrequency, isCorrectable), stemOf, phrases.postings());
  }

  static deserialize(data: SerializedEngine): SearchEngine {
    if (data.version !== 4) throw new Error(`Unsupported search index version ${String(data.version)}: rebuild it`);
    const fields = createIndexes();
    for (const field of fieldNames) {
      for (const [key, value] of Object.entries(data.fields[field])) fields[field].import(key, value);
    }
    const words = new Vocabulary(
      data.words.map(([word, frequency]) => [word, frequency] as [string, number]),
      isCorrectable,
    );
    const stemOf = new Map(data.words.map(([word, , stem]) => [word, stem]));
    const phrases: Postings = { primary: new Map(data.phrases.primary), secondary: new Map(data.phrases.secondary), body: new Map(data.phrases.body) };
    return new SearchEngine(data.config, data.documents, fields, new Map(data.terms), words, stemOf, phrases);
  }

  serialize(): SerializedEngine {
    const fields = { primary: {}, secondary: {}, body: {} } as SerializedEngine['fields'];
    for (const field of fieldNames) {
      this.fields[field].export((key: string | number, value: string) => {
        fields[field][String(key)] = value;
      });
    }
    return {
      version: 4,
      config: this.config,
      documents: this.documents,
      fields,
      phrases: { primary: [...this.phrases.primary], secondary: [...this.phrases.secondary], body: [...this.phrases.body] },
      terms: [...this.terms],
      words: this.words.entries().map(([word, frequency]) => [word, frequency, this.stemOf.get(word) ?? word]),
    };
  }

  get size(): number {
    return this.documents.length;
  }

  /** The scoring arrays, made at the first search (an engine only built and written never needs them). */
  private scratch(): Scratch {
    this.scratchArrays ??= new Scratch(this.documents.length);
    return this.scratchArrays;
  }

  /**
   * The article a query names outright: the whole query is an article ID (any
   * case, spaces or full-width characters) or a code we hand out. Such a search
   * opens the article instead of listing results.
   */
  directArticle(query: string): string | undefined {
    for (const { pattern, position } of this.codes) if (pattern.test(query)) return this.documents[position]!.id;
    const compact = foldText(query).replace(/[\s\-_.]+/g, '');
    const position = this.byId.get(compact);
    return position === undefined ? undefined : this.documents[position]!.id;
  }

  /** Whether the query is about not being able to sign in (the results then lead to sign-in help). */
  isSignInQuestion(query: string): boolean {
    return this.analyzer.isSignInQuestion(query);
  }

  /** Whether the query names an administrator's task. */
  isAdminQuestion(query: string): boolean {
    return this.analyzer.isAdminQuestion(query);
  }

  search(query: string, limit: number, options: SearchOptions = {}): SearchHit[] {
    const pinned = new Map<number, MatchedBy>();
    const pin = (position: number, by: MatchedBy) => {
      if (!pinned.has(position)) pinned.set(position, by);
    };
    for (const { pattern, position } of this.codes) if (pattern.test(query)) pin(position, 'code');
    for (const position of this.findIds(query)) pin(position, 'id');
    const errorTerms = encodeText(query);
    if (errorTerms.length === 0 && pinned.size === 0) return [];
    for (const position of this.findErrors(errorTerms)) pin(position, 'error');

    const slots = this.analyzer.analyzeQuery(query).map((slot) => this.resolveSlot(slot));
    // When pinned articles already fill the page, only the title field is needed to order them.
    const fields: FieldName[] = pinned.size >= limit ? ['primary'] : fieldNames;
    const candidates = this.score(slots, fields);

    const adminFirst = options.audience === 'admin';
    const adminAsked = adminFirst || this.analyzer.isAdminQuestion(query);
    const audienceRank = (position: number) => {
      const isAdmin = this.isAdmin[position] === 1;
      if (adminFirst) return isAdmin ? 0 : 1;
      return !adminAsked && isAdmin ? 1 : 0;
    };
    const pinWeight = (position: number) => pinWeights[pinned.get(position) ?? 'text'];
    const coverage = (position: number) => (candidates.isScored(position) ? candidates.coverage[position]! : 0);
    const score = (position: number) => (candidates.isScored(position) ? candidates.score[position]! : 0);
    const compare = (a: number, b: number) =>
      pinWeight(b) - pinWeight(a) || coverage(b) - coverage(a) || audienceRank(a) - audienceRank(b) || score(b) - score(a) || a - b;
    const top = new TopList(limit, compare);
    for (const position of pinned.keys()) top.offer(position);
    for (let i = 0; i < candidates.positions.length; i++) {
      const position = candidates.positions.at(i);
      if (!pinned.has(position)) top.offer(position);
    }
    const ranked = top.items;

    const typedTerms = this.highlightTerms(slots, true);
    const highlightTerms = this.highlightTerms(slots, false);
    return ranked.map((position) => {
      const document = this.documents[position]!;
      return {
        id: document.id,
        locale: document.locale,
        isFallback: document.isFallback,
        title: document.title,
        audience: document.audience,
        snippet: this.snippet(position, typedTerms, highlightTerms),
        matchedBy: pinned.get(position) ?? 'text',
      };
    });
  }

  /**
   * A slot's alternatives as the index has them: synonyms the index lacks are
   * dropped; a word it lacks is completed (a word being typed) or corrected (one
   * typo away). A slot left with no alternative still counts toward matching:
   * a question about something we have no article on finds nothing.
   */
  private resolveSlot(slot: Slot): ResolvedSlot {
    const alternatives = slot.alternatives.filter((alternative) => alternative.terms.every((term) => this.terms.has(term)));
    // Typed without accents, a word may stem differently ("desactive"): the articles' own spelling knows its stem.
    const known = slot.isPhrase ? undefined : this.stemOf.get(slot.word);
    if (known && !alternatives.some((a) => a.terms.length === 1 && a.terms[0] === known)) {
      // The stem of the unaccented spelling may be another word's: it counts less than the articles' own.
      for (const [index, alternative] of alternatives.entries()) {
        if (alternative.weight === 1) alternatives[index] = { ...alternative, weight: completionWeight };
      }
      alternatives.unshift({ terms: [known], weight: 1 });
    }
    const typedKnown = alternatives.some((alternative) => alternative.weight === 1);
    if (!slot.isPhrase && (!typedKnown || (slot.last && !isCjkTerm(slot.word)))) {
      const add = (term: string | undefined, weight: number) => {
        if (term && this.terms.has(term) && !alternatives.some((a) => a.terms.length === 1 && a.terms[0] === term)) {
          alternatives.push({ terms: [term], weight });
        }
      };
      const completions = typedKnown && !slot.last ? [] : this.words.completions(slot.word, maxCompletions + 1);
      for (const word of completions.filter((w) => w !== slot.word).slice(0, maxCompletions)) add(this.stemOf.get(word), completionWeight);
      if (!typedKnown && alternatives.length === 0 && [...slot.word].length >= minTypoLength && !isCjkTerm(slot.word)) {
        const corrected = this.words.correct(slot.word);
        if (corrected) add(this.stemOf.get(corrected), correctionWeight);
        // A typo in a synonym the articles do not use ("Bestätigungsmial"): correct it, then take its synonyms.
        const synonym = corrected ? undefined : this.synonymWords.correct(slot.word);
        for (const alternative of synonym ? (this.analyzer.analyzeQuery(synonym)[0]?.alternatives ?? []) : []) {
          if (alternative.terms.every((term) => this.terms.has(term))) alternatives.push({ terms: alternative.terms, weight: correctionWeight * alternative.weight });
        }
      }
    }
    // Rarer terms tell articles apart better; a word no article has weighs most (half a document).
    const frequency = alternatives.length === 0 ? 0 : Math.min(...alternatives.flatMap((a) => a.terms.map((term) => this.terms.get(term) ?? 0)));
    const idf = Math.log(1 + this.documents.length / Math.max(0.5, frequency));
    // Every resolved slot gets the same shape: the scoring loop reads thousands of them.
    return { word: slot.word, alternatives, last: slot.last, isPhrase: slot.isPhrase, idf };
  }

  /**
   * Each matching article's score, and how many of the query's slots it matches:
   * among articles matching as many, host articles come before administrator ones.
   * Accumulates in arrays indexed by article (reused from search to search) and
   * keeps the articles in the order they were first found.
   */
  private score(slots: ResolvedSlot[], fields: FieldName[]): Candidates {
    const s = this.scratch();
    s.next();
    const lookups = new Map<string, number[]>();
    const slotCount = slots.length;
    let totalWeight = 0;
    for (const slot of slots) {
      totalWeight += slot.idf;
      s.nextSlot();
      for (const alternative of slot.alternatives) {
        const query = alternative.terms.join(' ');
        s.nextAlternative();
        for (const field of fields) {
          // Synonym groups and completions repeat terms across slots: look each up once per search.
          const key = `${field} ${query}`;
          let found = lookups.get(key);
          if (!found) {
            found = this.lookup(field, alternative.terms);
            lookups.set(key, found);
          }
          const weight = fieldWeights[field] * alternative.weight;
          for (const position of found) {
            s.addToAlternative(position, weight);
            if (field === 'primary') s.markTitled(position);
          }
        }
        s.keepBestAlternative();
      }
      for (let i = 0; i < s.slotFound.length; i++) {
        const position = s.slotFound.at(i);
        const score = s.slotBest[position]!;
        if (s.stamp[position] !== s.query) {
          s.stamp[position] = s.query;
          s.total[position] = 0;
          s.matched[position] = 0;
          s.matchedWeight[position] = 0;
          s.inTitle[position] = 0;
          s.titleWeight[position] = 0;
          s.found.push(position);
        }
        s.total[position]! += slot.idf * score;
        s.matched[position]! += 1;
        s.matchedWeight[position]! += slot.idf;
        if (s.titledStamp[position] === s.slot) {
          s.inTitle[position]! += 1;
          s.titleWeight[position]! += slot.idf;
        }
      }
    }
    const required = requiredMatches(slotCount);
    const positions = s.kept;
    for (let i = 0; i < s.found.length; i++) {
      const position = s.found.at(i);
      const count = s.matched[position]!;
      const inTitle = s.inTitle[position]!;
      const titleShare = Math.min(1, inTitle / Math.max(1, this.titleLengths[position]!));
      // An article whose short title has half the query's words or more stays, though the other
      // words match nothing ("password zebra": "Reset a forgotten password").
      const titleCarries = count >= slotCount / 2 && inTitle === count && titleShare >= minTitleShare;
      const weightShare = s.matchedWeight[position]! / totalWeight;
      if ((count < required || weightShare < minWeightShare) && !titleCarries) continue;
      const fallback = this.isFallback[position] === 1 ? 0.9 : 1;
      // The title bonus counts rare words: "account" in a title says less than "administrator".
      const titleBonus = titleShareWeight * titleShare * (s.titleWeight[position]! / totalWeight);
      s.score[position] = (s.total[position]! + titleBonus) * weightShare * fallback;
      s.scoredStamp[position] = s.query;
      positions.push(position);
    }
    this.addProximity(slots, positions, s.score);
    return { positions, score: s.score, coverage: s.matched, isScored: (position) => s.scoredStamp[position] === s.query };
  }

  /**
   * The articles having every term of an alternative in one field. Synonym phrases
   * ("správce systému") were found at build time and indexed as one term, so even
   * phrases of common words are one lookup, not an intersection of long lists.
   */
  private lookup(field: FieldName, terms: string[]): number[] {
    const key = phraseKey(terms);
    if (terms.length > 1) {
      // A phrase the build did not see (typed words with a synonym's stems): the index intersects.
      if (this.knownPhrases.has(key)) return this.phrases[field].get(key) ?? [];
    }
    const cache = this.lookupCache[field];
    let found = cache.get(key);
    if (!found) {
      found = this.fields[field].search(key, { limit: candidatesPerField }) as number[];
      if (cache.size >= maxCachedLookups) cache.clear();
      cache.set(key, found);
    }
    return found;
  }

  /**
   * Two of the query's words next to each other in an article's title or summary
   * ("管理者自身", "administrator … locked out") say more than the same words apart.
   * Checked for the best-scored articles only: they are the ones it reorders.
   */
  private addProximity(slots: ResolvedSlot[], positions: PositionList, scores: Float64Array): void {
    const words = slots.filter((slot) => !slot.isPhrase && slot.alternatives.length > 0);
    if (words.length < 2) return;
    // The best few without sorting every candidate (thousands in a large help center).
    const best: number[] = [];
    for (let i = 0; i < positions.length; i++) {
      const position = positions.at(i);
      const score = scores[position]!;
      if (best.length === proximityCandidates && score <= scores[best[best.length - 1]!]!) continue;
      let at = best.length;
      while (at > 0 && scores[best[at - 1]!]! < score) at--;
      best.splice(at, 0, position);
      if (best.length > proximityCandidates) best.pop();
    }
    const at = (text: string, slot: ResolvedSlot) => {
      for (const alternative of slot.alternatives) {
        const found = text.indexOf(alternative.terms[0]!);
        if (found >= 0) return found;
      }
      return -1;
    };
    for (const position of best) {
      const text = this.shortTexts[position]!;
      let pairs = 0;
      for (let i = 0; i + 1 < words.length; i++) {
        const first = at(text, words[i]!);
        const second = at(text, words[i + 1]!);
        if (first >= 0 && second > first && second - first <= proximityWindow) pairs++;
      }
      if (pairs > 0) scores[position] = scores[position]! * (1 + proximityBoost * pairs);
    }
  }

  /** What to mark in snippets: the terms looked for (stems mark the words they begin); `typed` leaves out synonyms. */
  private highlightTerms(slots: ResolvedSlot[], typed: boolean): string[] {
    const terms = new Set<string>();
    for (const slot of slots) {
      for (const alternative of slot.alternatives) {
        if (!typed || alternative.weight === 1) for (const term of alternative.terms) terms.add(term);
      }
      if (!slot.isPhrase && slot.alternatives.length > 0) terms.add(slot.word);
    }
    return [...terms];
  }

  /** The passage quoting what was typed, or else a synonym of it, or else the summary. */
  private snippet(position: number, typedTerms: string[], terms: string[]): Segment[] {
    const { lines, folded } = this.snippetLines[position]!;
    const summary = this.documents[position]!.summary;
    const typed = buildSnippet(lines, folded, typedTerms, summary);
    return typed.some((segment) => segment.match) ? typed : buildSnippet(lines, folded, terms, summary);
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
}
