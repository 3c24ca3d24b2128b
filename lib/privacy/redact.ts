/**
 * Takes personal data out of free text that people type (search queries,
 * feedback comments) before it is stored: anything with an @ in it, phone and
 * other long numbers, and long random-looking strings (tokens, reference links).
 * It errs towards removing too much: the reports these feed want the words.
 */

const anythingWithAt = /\S*@\S*/g;
/** Seven or more digits, possibly split by spaces, dots, dashes or brackets (phone, account, card numbers). */
const longNumber = /\+?\d(?:[\s().-]*\d){6,}/g;
/** Twenty or more letters, digits, dashes or underscores with at least one digit: tokens, keys, hashes. */
const tokenLike = /\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{20,}\b/g;
const webAddress = /\bhttps?:\/\/\S+/gi;

export function redactPersonalData(text: string): string {
  return text
    .replace(webAddress, '[link]')
    .replace(anythingWithAt, '[email]')
    .replace(longNumber, '[number]')
    .replace(tokenLike, '[code]');
}

const maxStoredQueryLength = 100;

/**
 * The form of a search that found nothing, as the support report keeps it:
 * redacted, whitespace collapsed, lower case, at most 100 characters. Undefined
 * when nothing worth keeping is left.
 */
export function toRecordedQuery(query: string, locale: string): string | undefined {
  const cleaned = redactPersonalData(query.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase(locale);
  const words = cleaned.replace(/\[(?:link|email|number|code)\]/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
  if (!words) return undefined;
  return [...cleaned].slice(0, maxStoredQueryLength).join('').trim();
}
