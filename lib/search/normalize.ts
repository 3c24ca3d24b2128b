/**
 * Text folding and tokenizing shared by indexing and querying, so that what a
 * user types matches however the article spells it: case, accents (`Neaktivní`
 * = `neaktivni`), full-width characters, Arabic diacritics and letter variants.
 * Japanese and Chinese have no spaces between words, so their runs are indexed
 * as overlapping two-character pieces (bigrams).
 */

const letterFolds: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Folded short strings (words, query terms) by their original: folding is the hot path of search. */
const foldCache = new Map<string, string>();
const maxCachedLength = 48;
const maxCacheEntries = 50_000;

export function foldText(text: string): string {
  // Plain ASCII needs only lower-casing, and most text, in most locales, is mostly ASCII.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  if (text.length > maxCachedLength) return foldUnicode(text);
  let folded = foldCache.get(text);
  if (folded === undefined) {
    if (foldCache.size >= maxCacheEntries) foldCache.clear();
    folded = foldUnicode(text);
    foldCache.set(text, folded);
  }
  return folded;
}

/** Characters outside the everyday blocks, which NFKC may change (full-width, ligatures, circled digits…). */
const compatibilityChars = /[^\x00-\u024F\u0370-\u052F\u0590-\u06FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]/;
const accentedChars = /[\u00C0-\u024F\u0370-\u052F\u1E00-\u1EFF]/;
const arabicChars = /[\u0600-\u06FF]/;

function foldUnicode(text: string): string {
  // Each step runs only when the text has characters it changes: folding is the hot path of search.
  let folded = compatibilityChars.test(text) ? text.normalize('NFKC') : text;
  folded = folded.toLowerCase().replace(/[ßæœøłđðþı]/g, (c) => letterFolds[c] ?? c);
  if (accentedChars.test(folded)) {
    // Accents off Latin, Greek and Cyrillic letters only: Japanese voicing marks (が) must stay.
    folded = folded
      .normalize('NFD')
      .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
      .normalize('NFC');
  }
  if (arabicChars.test(folded)) {
    // Short vowels and other marks, tatweel, then the letter variants people type interchangeably.
    folded = folded
      .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي');
  }
  return folded;
}

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;
const isCjk = (char: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u.test(char);

/** Splits folded text into index terms: words, and CJK runs as bigrams. */
function tokenizeFolded(folded: string): string[] {
  const terms: string[] = [];
  for (const word of folded.match(/[\p{L}\p{N}\p{M}ー々]+/gu) ?? []) {
    let last = 0;
    for (const match of word.matchAll(cjkRun)) {
      if (match.index > last) terms.push(word.slice(last, match.index));
      pushBigrams(match[0], terms);
      last = match.index + match[0].length;
    }
    if (last < word.length) terms.push(word.slice(last));
  }
  return terms;
}

function pushBigrams(run: string, terms: string[]): void {
  const chars = [...run];
  if (chars.length === 1) terms.push(run);
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
}

/** Text to index terms; the `encode` function both the index and the queries use. */
export function encodeText(text: string): string[] {
  return tokenizeFolded(foldText(text));
}

export function isCjkTerm(term: string): boolean {
  // The first character, without spreading the term into an array (this runs for every term of every snippet).
  const code = term.codePointAt(0);
  return code !== undefined && isCjk(String.fromCodePoint(code));
}
