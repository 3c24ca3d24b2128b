import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { absoluteUrl } from '@/lib/config/env';
import { findArticleId, getArticle } from '@/lib/content';
import { articleIdPattern } from '@/lib/content/schema';
import { jsonError } from '@/lib/http/json';
import { getMessageLocale } from '@/lib/i18n/api-locale';
import { defaultLocale, isLocale, locales } from '@/lib/i18n/locales';

const cacheHeaders = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };

/** GET /api/articles/{ID}?locale=sv: one article's metadata for other tools. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const requested = new URL(request.url).searchParams.get('locale');
  const t = await getTranslations({ locale: getMessageLocale(request, requested), namespace: 'Api' });

  if (requested !== null && !isLocale(requested)) {
    return jsonError(400, 'invalid_locale', t('invalidLocale', { locales: locales.join(', ') }));
  }
  const locale = requested ?? defaultLocale;
  if (!articleIdPattern.test(rawId)) return jsonError(400, 'invalid_id', t('invalidId'));
  const id = findArticleId(rawId);
  const article = id ? getArticle(id, locale) : undefined;
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
