import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/article/article-list';
import { PageShell } from '@/components/layout/page-shell';
import { getArticle } from '@/lib/content';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

const guidanceArticles = ['WBX89094', 'WBX75907', 'WBX15', 'pw7r2k'];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp.unavailable' });
  return { title: t('title'), robots: { index: false } };
}

/**
 * The account check could not reach the database: the general guidance and the
 * articles, never an error page. The proxy answers it with 503 so monitoring sees it.
 */
export default async function SignInHelpUnavailable({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('SignInHelp');
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/sign-in-help/unavailable')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('unavailable.title')}</h1>
        <p className="mt-4 text-lg">{t('unavailable.body')}</p>
        <p className="mt-3 text-lg">{t('unavailable.csm')}</p>
        <p className="mt-3 text-muted">{t('unavailable.retry')}</p>
        <section aria-labelledby="guidance-articles" className="mt-8">
          <h2 id="guidance-articles" className="text-xl font-semibold">
            {t('related')}
          </h2>
          <ArticleList articles={guidanceArticles.flatMap((id) => getArticle(id, locale) ?? [])} />
        </section>
        <a href={paths.signInHelp.start(locale)} className="btn-primary mt-6 inline-block">
          {t('startOver')}
        </a>
      </div>
    </PageShell>
  );
}
