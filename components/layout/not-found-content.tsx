import { getTranslations } from 'next-intl/server';
import { EssentialArticles } from '@/components/article/essential-articles';
import { SearchForm } from '@/components/search/search-form';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/** The localized 404 body: what went wrong, a search box and the articles people need most. */
export async function NotFoundContent({ locale, articleId }: { locale: Locale; articleId?: string }) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">
        {articleId ? t('unknownArticle', { id: articleId }) : t('body')}
      </p>
      <SearchForm locale={locale} inputId="notfound-search" defaultQuery={articleId} className="mt-6 max-w-xl" />
      <EssentialArticles locale={locale} heading={t('popular')} />
      <p className="mt-8">
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </>
  );
}
