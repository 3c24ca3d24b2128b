import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EssentialArticles } from '@/components/article/essential-articles';
import { PageShell } from '@/components/layout/page-shell';
import { SearchForm } from '@/components/search/search-form';
import { getRetiredTitle, lookupArticleId } from '@/lib/content';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { getDirection, locales, type Locale } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ article?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Retired' });
  return { title: t('metaTitle'), robots: { index: false } };
}

function findRetired(article: string | string[] | undefined) {
  const found = typeof article === 'string' ? lookupArticleId(article) : undefined;
  return found?.kind === 'retired' ? found.id : undefined;
}

/**
 * A retired article with no successor. The proxy rewrites its URLs here with
 * status 410 (gone for good, unlike a 404), so search engines drop it and
 * support teams see that the ID was real.
 */
export default async function ArticleRetired({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  const id = findRetired((await searchParams).article);
  const retired = id ? getRetiredTitle(id, locale) : undefined;
  const t = await getTranslations({ locale, namespace: 'Retired' });
  const alternates = id
    ? (Object.fromEntries(locales.map((l) => [l, paths.article(l, id)])) as Record<Locale, string>)
    : getLocalePaths('/article-retired');
  return (
    <PageShell locale={locale} alternates={alternates}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">
        {id && retired
          ? t.rich('named', {
              id,
              name: retired.title,
              code: (chunks) => <code className="code-token">{chunks}</code>,
              // The page's quote marks around the title, which keeps its own language and direction.
              title: (chunks) => (
                <q>
                  <bdi lang={retired.locale} dir={getDirection(retired.locale)}>
                    {chunks}
                  </bdi>
                </q>
              ),
            })
          : t('body')}
      </p>
      <SearchForm locale={locale} inputId="retired-search" defaultQuery={retired?.title} className="mt-6 max-w-xl" />
      <EssentialArticles locale={locale} heading={t('popular')} />
      <p className="mt-8">
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </PageShell>
  );
}
