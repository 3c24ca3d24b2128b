import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { absoluteUrl } from '@/lib/config/env';
import { getArticle, lookupArticleId } from '@/lib/content';
import { articleIdPattern } from '@/lib/content/schema';
import { jsonError } from '@/lib/http/json';
import { getMessageLocale, parseApiLocale } from '@/lib/i18n/api-locale';
import { defaultLocale, locales } from '@/lib/i18n/locales';

const cacheHeaders = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };

/** GET /api/articles/{ID}?locale=sv: one article's metadata for other tools. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const requested = new URL(request.url).searchParams.get('locale');
  const t = await getTranslations({ locale: getMessageLocale(request, requested), namespace: 'Api' });

  const locale = requested === null ? defaultLocale : parseApiLocale(requested);
  if (!locale) return jsonError(400, 'invalid_locale', t('invalidLocale', { locales: locales.join(', ') }));
  if (!articleIdPattern.test(rawId)) return jsonError(400, 'invalid_id', t('invalidId'));
  const found = lookupArticleId(rawId);
  if (found?.kind === 'retired') return jsonError(410, 'gone', t('articleRetired'), cacheHeaders);
  if (found?.kind === 'moved') {
    // An old ID answers for good with the new one's address, the query kept (a relative Location is valid HTTP).
    return new NextResponse(null, { status: 308, headers: { ...cacheHeaders, Location: `/api/articles/${found.id}${new URL(request.url).search}` } });
  }
  const article = found ? getArticle(found.id, locale) : undefined;
  if (!article) return jsonError(404, 'not_found', t('articleNotFound'));

  return NextResponse.json(
    {
      id: article.id,
      locale: article.entry.locale,
      requestedLocale: locale,
      title: article.entry.title,
      summary: article.entry.summary,
      url: absoluteUrl(article.path),
      updated: article.entry.updated,
      audience: article.entry.audience,
      locales: article.translatedLocales,
      fallback: article.isFallback,
      outdated: article.isOutdated,
    },
    { headers: cacheHeaders },
  );
}
