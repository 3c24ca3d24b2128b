import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { jsonError } from '@/lib/http/json';
import { getMessageLocale, parseApiLocale } from '@/lib/i18n/api-locale';
import { defaultLocale, locales } from '@/lib/i18n/locales';
import type { Segment } from '@/lib/search/highlight';
import { maxQueryLength, maxResultLimit, parseResultLimit, parseSearchQuery } from '@/lib/search/query';
import { searchArticles } from '@/lib/search/server';
import { absoluteUrl } from '@/lib/config/env';

/** A snippet as plain text plus the [start, end) ranges of its matches, for clients to mark up safely. */
function flattenSnippet(segments: Segment[]): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  const highlights: Array<[number, number]> = [];
  for (const segment of segments) {
    if (segment.match) highlights.push([snippet.length, snippet.length + segment.text.length]);
    snippet += segment.text;
  }
  return { snippet, highlights };
}

/** GET /api/search?q=&locale=&limit=: ranked articles for other tools and the header search box. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const requestedLocale = params.get('locale');
  const t = await getTranslations({ locale: getMessageLocale(request, requestedLocale), namespace: 'Api' });

  const parsedLocale = requestedLocale === null ? defaultLocale : parseApiLocale(requestedLocale);
  if (!parsedLocale) return jsonError(400, 'invalid_locale', t('invalidLocale', { locales: locales.join(', ') }));
  const locale = parsedLocale;
  const limit = parseResultLimit(params.get('limit'));
  if (limit.kind === 'invalid') return jsonError(400, 'invalid_limit', t('invalidLimit', { max: maxResultLimit }));
  const query = parseSearchQuery(params.getAll('q'));
  if (query.kind === 'empty') return jsonError(400, 'invalid_query', t('emptyQuery'));
  if (query.kind === 'too-long') return jsonError(400, 'invalid_query', t('queryTooLong', { max: maxQueryLength }));

  const results = searchArticles(query.query, locale, limit.limit).map((hit) => ({
    id: hit.id,
    title: hit.title,
    url: absoluteUrl(hit.url),
    ...flattenSnippet(hit.snippet),
    audience: hit.audience,
    locale: hit.locale,
  }));
  return NextResponse.json(
    { query: query.query, locale, results },
    { headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } },
  );
}
