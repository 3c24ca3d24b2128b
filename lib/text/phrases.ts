/**
 * Japanese is written without spaces, so a browser may break a line between any
 * two characters, splitting words ("無効化され/ています"). This splits Japanese
 * text into phrases (bunsetsu, roughly: a content word with the particles and
 * endings that follow it) at build time, so headings can offer a line break
 * only between phrases (<wbr> with `word-break: keep-all`) in browsers without
 * CSS `word-break: auto-phrase`.
 *
 * Word boundaries come from Intl.Segmenter (ICU's dictionary); a phrase starts at
 * a word in kanji, katakana or Latin letters that follows hiragana or Japanese
 * punctuation. Anything else (compound nouns, codes like SP-7K3M-Q9TX, text
 * without Japanese) never gets a break inside.
 */
const japaneseScript = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const phraseStart = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Latin}\p{Nd}「『（【〈《]/u;
const phraseEnd = /[\p{Script=Hiragana}、。」』）】〉》！？]$/u;
/** Honorific prefixes belong to the word after them (お使い, ご確認): they start its phrase. */
const prefixes = new Set(['お', 'ご', '御']);
/** The polite request ending may stand on a line of its own (連絡して / ください): long headings need the room. */
const requestEndings = new Set(['ください', 'くだ', '下さい']);

let segmenter: Intl.Segmenter | undefined;

export function splitPhrases(text: string): string[] {
  if (!japaneseScript.test(text)) return [text];
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const phrases: string[] = [];
  let current = '';
  let previous = '';
  for (const { segment } of segmenter.segment(text)) {
    const startsPhrase = phraseStart.test(segment) || prefixes.has(segment) || requestEndings.has(segment);
    if (current && startsPhrase && phraseEnd.test(previous) && !prefixes.has(previous)) {
      phrases.push(current);
      current = '';
    }
    current += segment;
    previous = segment;
  }
  if (current) phrases.push(current);
  return phrases;
}
