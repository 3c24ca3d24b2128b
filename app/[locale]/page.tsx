import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/article/article-list';
import { PageShell } from '@/components/layout/page-shell';
import { listArticles } from '@/lib/content';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return {
    title: { absolute: t('siteName') },
    description: t('siteDescription'),
    alternates: { canonical: paths.home(locale), languages: { ...getLocalePaths('/'), 'x-default': '/en' } },
  };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('Home');
  const articles = listArticles(locale);
  const hostArticles = articles.filter((a) => a.entry.audience === 'host');
  const adminArticles = articles.filter((a) => a.entry.audience === 'admin');

  return (
    <PageShell locale={locale} alternates={getLocalePaths('/')}>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-lg text-muted">{t('intro')}</p>

      <section
        aria-labelledby="cant-sign-in"
        className="mt-8 rounded-lg border-2 border-brand bg-brand-wash p-6 sm:flex sm:items-center sm:justify-between sm:gap-6"
      >
        <div>
          <h2 id="cant-sign-in" className="text-2xl font-semibold">
            {t('cantSignInTitle')}
          </h2>
          <p className="mt-1 max-w-xl">{t('cantSignInBody')}</p>
        </div>
        <a
          href={paths.signInHelp.start(locale)}
          className="mt-4 inline-block shrink-0 rounded bg-brand px-5 py-3 text-lg font-semibold text-on-brand no-underline hover:bg-brand-strong hover:text-on-brand sm:mt-0"
        >
          {t('cantSignInCta')}
        </a>
      </section>

      <div className="mt-10 grid gap-10 md:grid-cols-2">
        <section aria-labelledby="for-hosts">
          <h2 id="for-hosts" className="text-xl font-semibold">
            {t('forHosts')} <span className="text-base font-normal text-muted">({t('articleCount', { count: hostArticles.length })})</span>
          </h2>
          <ArticleList articles={hostArticles} />
        </section>
        <section aria-labelledby="for-admins">
          <h2 id="for-admins" className="text-xl font-semibold">
            {t('forAdmins')} <span className="text-base font-normal text-muted">({t('articleCount', { count: adminArticles.length })})</span>
          </h2>
          <ArticleList articles={adminArticles} />
        </section>
      </div>
    </PageShell>
  );
}
