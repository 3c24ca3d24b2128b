import { foldText, isCjkTerm } from './normalize';

/** A piece of result text; `match` pieces are shown highlighted. Rendered as text, never as HTML. */
export type Segment = { text: string; match: boolean };

const wordPattern = /[\p{L}\p{N}\p{M}ー々]+/gu;
const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;

function pushSegment(segments: Segment[], text: string, match: boolean): void {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.match === match) last.text += text;
  else segments.push({ text, match });
}

/** Kana and kanji fold to themselves; only other characters (half-width kana…) need folding. */
function foldCjkChar(char: string): string {
  const code = char.charCodeAt(0);
  const isPlain = (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
  return isPlain ? char : foldText(char);
}

/**
 * Kana, common kanji and ASCII only: one code unit each, and folded one by one
 * as the whole run is lower-cased (Japanese text often runs into Latin words:
 * "SMSで届いたコード").
 */
const plainCjkRun = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\x00-\x7f]+$/;

/**
 * `findMatches` for a run of plain kana and kanji (most Japanese text): every
 * occurrence of a piece or a long term is found with `indexOf` on the run itself,
 * with no per-character arrays. Marks runs as `findMatches` does.
 */
function markPlainCjkRun(
  run: string,
  start: number,
  pieces: ReadonlySet<string>,
  longTerms: readonly string[],
  minRun: number,
  ranges: Array<[number, number]>,
): void {
  const pieceMark = 1;
  const wholeMark = 2;
  const marks = markBuffer(run.length);
  const markAll = (term: string, mark: number) => {
    for (let at = run.indexOf(term); at >= 0; at = run.indexOf(term, at + 1)) {
      for (let k = 0; k < term.length; k++) marks[at + k]! |= mark;
    }
  };
  for (const piece of pieces) markAll(piece, pieceMark);
  for (const term of longTerms) markAll(term, wholeMark);
  for (let i = 0; i < run.length; i++) {
    if (marks[i] === 0) continue;
    let j = i;
    let hasWhole = (marks[i]! & wholeMark) !== 0;
    while (j + 1 < run.length && marks[j + 1] !== 0) {
      j++;
      if (marks[j]! & wholeMark) hasWhole = true;
    }
    if (hasWhole || j - i + 1 >= minRun) ranges.push([start + i, start + j + 1]);
    i = j;
  }
}

let marks = new Uint8Array(256);

/** A zeroed buffer of at least `length` marks, reused from run to run (a snippet has many). */
function markBuffer(length: number): Uint8Array {
  if (marks.length < length) marks = new Uint8Array(Math.max(length, marks.length * 2));
  else marks.fill(0, 0, length);
  return marks;
}

/** The query terms sorted for `findMatches`. */
type MatchTerms = {
  words: string[];
  pieces: Set<string>;
  longTerms: string[][];
  longTermTexts: string[];
  minRun: number;
};

/**
 * Terms sorted once per list: a search marks ten snippets (and the lines of
 * each) with the same two lists, and sorting them again for every run of text
 * was most of a Japanese search's garbage.
 */
const sortedTerms = new WeakMap<readonly string[], MatchTerms>();

function sortTerms(terms: readonly string[]): MatchTerms {
  const known = sortedTerms.get(terms);
  if (known) return known;
  const words = terms.filter((t) => !isCjkTerm(t));
  // Japanese search terms are whole words (from Intl.Segmenter); one- and two-character ones
  // are also how bigram-encoded text arrives. Longer ones are marked wherever they occur.
  const cjkTerms = terms.filter(isCjkTerm);
  const pieces = new Set(cjkTerms.filter((t) => [...t].length <= 2));
  const longTerms = cjkTerms.filter((t) => [...t].length > 2).map((t) => [...t]);
  const longTermTexts = longTerms.map((term) => term.join(''));
  // A stray shared piece ("ード" in both パスワード and コード) is not a match worth marking:
  // mark runs of at least three characters, or the whole query when it is shorter.
  // A query of one piece (one or two characters) is marked wherever it occurs.
  const minRun = pieces.size > 1 ? 3 : Math.max(1, ...[...pieces].map((piece) => [...piece].length));
  const sorted = { words, pieces, longTerms, longTermTexts, minRun };
  sortedTerms.set(terms, sorted);
  return sorted;
}

/** Character ranges in `text` that match the query terms: word prefixes, and CJK pieces. */
function findMatches(text: string, terms: readonly string[]): Array<[number, number]> {
  const { words, pieces, longTerms, longTermTexts, minRun } = sortTerms(terms);
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    const start = match.index;
    if (!cjkChar.test(word)) {
      const folded = foldText(word);
      if (words.some((term) => folded.startsWith(term))) ranges.push([start, start + word.length]);
      continue;
    }
    if (plainCjkRun.test(word)) {
      markPlainCjkRun(word.toLowerCase(), start, pieces, longTermTexts, minRun, ranges);
      continue;
    }
    // Mark every character covered by a matching one- or two-character piece.
    const chars = [...word];
    const offsets: number[] = [];
    let offset = start;
    for (const char of chars) {
      offsets.push(offset);
      offset += char.length;
    }
    offsets.push(offset);
    const folded = chars.map(foldCjkChar);
    const marked = new Array<boolean>(chars.length).fill(false);
    const whole = new Array<boolean>(chars.length).fill(false);
    if (pieces.size > 0) {
      for (let i = 0; i < chars.length; i++) {
        if (pieces.has(folded[i]!)) marked[i] = true;
        if (i + 1 < chars.length && pieces.has(folded[i]! + folded[i + 1]!)) marked[i] = marked[i + 1] = true;
      }
    }
    if (longTerms.length > 0) {
      // Character positions equal string positions when every character is one code unit (kana, common kanji).
      const joined = folded.join('');
      const simple = joined.length === chars.length;
      for (const term of longTerms) {
        if (simple) {
          for (let at = joined.indexOf(term.join('')); at >= 0; at = joined.indexOf(term.join(''), at + 1)) {
            for (let k = 0; k < term.length; k++) whole[at + k] = true;
          }
          continue;
        }
        for (let i = 0; i + term.length <= chars.length; i++) {
          if (term.every((char, k) => folded[i + k] === char)) for (let k = 0; k < term.length; k++) whole[i + k] = true;
        }
      }
    }
    for (let i = 0; i < chars.length; i++) {
      if (!marked[i] && !whole[i]) continue;
      let j = i;
      let hasWhole = whole[i]!;
      while (j + 1 < chars.length && (marked[j + 1] || whole[j + 1])) {
        j++;
        if (whole[j]) hasWhole = true;
      }
      if (hasWhole || j - i + 1 >= minRun) ranges.push([offsets[i]!, offsets[j + 1]!]);
      i = j;
    }
  }
  return ranges;
}

const wordChar = /[\p{L}\p{N}\p{M}ー々]/u;

/**
 * `findMatches` for text without CJK characters, from the text folded once: each
 * term is looked for where a word starts, and the word it starts is marked. A
 * snippet is quoted from ten articles on every search, so this is the hot path.
 * Undefined when folding changed the text's length ("ß" → "ss", combining
 * accents): positions in the folded text would then not be positions in `text`.
 */
function findWordMatches(text: string, terms: readonly string[], foldedText?: string): Array<[number, number]> | undefined {
  const folded = foldedText ?? foldText(text);
  if (folded.length !== text.length) return undefined;
  const ends = new Map<number, number>();
  for (const term of terms) {
    if (!term || isCjkTerm(term)) continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (ends.has(at) || (at > 0 && wordChar.test(folded[at - 1]!))) continue;
      let end = at + term.length;
      while (end < folded.length && wordChar.test(folded[end]!)) end++;
      ends.set(at, end);
    }
  }
  return [...ends].sort((a, b) => a[0] - b[0]);
}

export function highlight(text: string, terms: readonly string[]): Segment[] {
  return highlightInto([], text, terms);
}

/**
 * Appends `text` with its matches marked to `segments`. `folded` is `text` folded,
 * when the caller has it (a slice of a line folded once at load).
 */
function highlightInto(segments: Segment[], text: string, terms: readonly string[], folded?: string): Segment[] {
  let cursor = 0;
  const ranges = (cjkChar.test(text) ? undefined : findWordMatches(text, terms, folded)) ?? findMatches(text, terms);
  for (const [start, end] of ranges) {
    pushSegment(segments, text.slice(cursor, start), false);
    pushSegment(segments, text.slice(start, end), true);
    cursor = end;
  }
  pushSegment(segments, text.slice(cursor), false);
  return segments;
}

/**
 * The most relevant passage of a text (the line matching most query terms), cut
 * to about `maxLength` characters around its first match, with the matches
 * marked. `lines` and `foldedLines` are the text split into lines, and folded
 * (the caller keeps them, so an article is folded once, not on every search).
 * `selectionTerms` choose the line (a few telling terms are enough for a long
 * Japanese query); `terms` are marked. Falls back to `fallback` when no line matches.
 */
export function buildSnippet(
  lines: readonly string[],
  foldedLines: readonly string[],
  terms: readonly string[],
  fallback: string,
  maxLength = 180,
  selectionTerms: readonly string[] = terms,
): Segment[] {
  let bestIndex = -1;
  let bestScore = 0;
  let bestFirst = 0;
  for (let index = 0; index < foldedLines.length; index++) {
    const folded = foldedLines[index]!;
    let score = 0;
    let first = Infinity;
    for (const term of selectionTerms) {
      const at = folded.indexOf(term);
      if (at < 0) continue;
      score++;
      first = Math.min(first, at);
    }
    if (score > bestScore) {
      bestIndex = index;
      bestScore = score;
      bestFirst = first;
      // No later line can match more: the first line matching every term is the one chosen.
      if (score === selectionTerms.length) break;
    }
  }
  const summary = () => highlightCut(fallback, undefined, cut(fallback, 0, maxLength), terms);
  if (bestIndex < 0) return summary();
  // Folding keeps positions in almost all text; close enough to choose where to cut.
  const line = lines[bestIndex]!;
  const foldedLine = foldedLines[bestIndex]!;
  // From the start of the sentence holding the first match when it begins close enough before it.
  const sentence = sentenceStart(line, bestFirst);
  const start = bestFirst < maxLength / 3 ? 0 : bestFirst - sentence <= maxLength / 2 ? sentence : bestFirst - Math.round(maxLength / 4);
  const segments = highlightCut(line, foldedLine.length === line.length ? foldedLine : undefined, cut(line, start, maxLength, start === sentence), terms);
  return segments.some((segment) => segment.match) ? segments : summary();
}

/**
 * The cut part of `text` with its matches marked, and ellipses where it was cut.
 * The ellipses are added around the marked text, not folded with it: folding
 * turns "…" into "..." and positions would no longer agree.
 */
function highlightCut(text: string, folded: string | undefined, range: Cut, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  if (range.before) pushSegment(segments, '…', false);
  highlightInto(segments, text.slice(range.from, range.to), terms, folded?.slice(range.from, range.to));
  if (range.after) pushSegment(segments, '…', false);
  return segments;
}

const sentenceEnd = /[.!?]["'”’)]*\s+|[。！？]」?/g;

/** Where the sentence holding position `at` of `text` begins (0 for the first). */
function sentenceStart(text: string, at: number): number {
  let start = 0;
  sentenceEnd.lastIndex = 0;
  for (let match = sentenceEnd.exec(text); match && match.index + match[0].length <= at; match = sentenceEnd.exec(text)) {
    start = match.index + match[0].length;
  }
  return start;
}

/** Where a snippet is cut from its text: `text.slice(from, to)`, with ellipses before or after it. */
type Cut = { from: number; to: number; before: boolean; after: boolean };

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * `text` from about `start` (exactly, when `isSentenceStart`), at most
 * `maxLength` characters, on word boundaries, with ellipses where it is cut.
 */
function cut(text: string, start: number, maxLength: number, isSentenceStart = false): Cut {
  if (text.length <= maxLength) return { from: 0, to: text.length, before: false, after: false };
  let from = start;
  if (from > 0 && !isSentenceStart) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space - from < 20 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + maxLength / 2) to = space;
  }
  const before = from > 0 && !isSentenceStart;
  const after = to < text.length;
  // The cut part without white space at its ends, as `trim` would leave it.
  while (from < to && isSpace(text[from])) from++;
  while (to > from && isSpace(text[to - 1])) to--;
  return { from, to, before, after };
}
