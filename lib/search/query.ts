/** The longest query we search for; a pasted error message is far shorter. */
export const maxQueryLength = 200;
const defaultResultLimit = 10;
export const maxResultLimit = 50;

export type ParsedQuery =
  | { kind: 'ok'; query: string }
  | { kind: 'empty' }
  | { kind: 'too-long'; max: number };

/**
 * Cleans a raw `q` parameter: the first value if repeated, control and invisible
 * format characters and replacement characters (from invalid UTF-8 escapes)
 * removed, whitespace collapsed. Empty after that is an empty search, not an error.
 */
export function parseSearchQuery(raw: string | string[] | null | undefined): ParsedQuery {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return { kind: 'empty' };
  if (value.length > maxQueryLength * 20) return { kind: 'too-long', max: maxQueryLength };
  const cleaned = value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    // Invisible format characters, U+FFFD from invalid escapes, and lone surrogates.
    .replace(/[\p{Cf}\uFFFD]|\p{Cs}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return { kind: 'empty' };
  if ([...cleaned].length > maxQueryLength) return { kind: 'too-long', max: maxQueryLength };
  return { kind: 'ok', query: cleaned };
}

export type ParsedLimit = { kind: 'ok'; limit: number } | { kind: 'invalid' };

export function parseResultLimit(raw: string | null | undefined): ParsedLimit {
  if (raw === null || raw === undefined || raw === '') return { kind: 'ok', limit: defaultResultLimit };
  if (!/^\d{1,4}$/.test(raw)) return { kind: 'invalid' };
  const limit = Number(raw);
  if (limit < 1 || limit > maxResultLimit) return { kind: 'invalid' };
  return { kind: 'ok', limit };
}
