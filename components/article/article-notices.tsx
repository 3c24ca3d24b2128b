import { getTranslations } from 'next-intl/server';
import { getArticle, getArticlePath, type ResolvedArticle } from '@/lib/content';
import { defaultLocale, localeNames, type Locale } from '@/lib/i18n/locales';

export async function ArticleNotices({ article, locale }: { article: ResolvedArticle; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  if (article.isFallback) {
    return (
      <p role="note" className="mt-5 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
        {t('fallbackNotice', { language: localeNames[locale] })}
      </p>
    );
  }
  if (article.isOutdated) {
    return (
      <p role="note" className="mt-5 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
        {t.rich('outdatedNotice', {
          date: new Date(`${getArticle(article.id, defaultLocale)!.entry.updated}T00:00:00Z`),
          link: (chunks) => (
            <a href={getArticlePath(article.id, defaultLocale)} hrefLang="en">
              {chunks}
            </a>
          ),
        })}
      </p>
    );
  }
  return null;
}
