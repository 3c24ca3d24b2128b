import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EssentialArticles } from '@/components/article/essential-articles';
import { PageShell } from '@/components/layout/page-shell';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { SignInHelpCard } from '@/components/search/sign-in-help-card';
import { env } from '@/lib/config/env';
import { getClientIp } from '@/lib/http/client-ip';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { noteSearchMiss } from '@/lib/search/misses';
import { parseSearchQuery } from '@/lib/search/query';
import { findDirectArticlePath, isSignInQuestion, searchArticles } from '@/lib/search/server';
import { paths } from '@/lib/paths';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[]; audience?: string | string[] }>;
};

const resultLimit = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Search' });
  return { title: t('pageTitle'), robots: { index: false, follow: true } };
}

/** Server-rendered results: works with JavaScript off. The proxy sets 400 for a query that is too long. */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('Search');
  const { q, audience } = await searchParams;
  const parsed = parseSearchQuery(q);
  const query = parsed.kind === 'ok' ? parsed.query : '';
  // An exact article ID or a reference code opens the article it names (from the header box, with or without JavaScript).
  const direct = query ? findDirectArticlePath(query, locale) : undefined;
  if (direct) redirect(direct);
  // `audience=admin`: the reader asked for administrator articles first.
  const results = query ? searchArticles(query, locale, resultLimit, audience === 'admin' ? { audience: 'admin' } : {}) : [];
  const showSignInCard = query !== '' && isSignInQuestion(query, locale);
  if (query && results.length === 0) {
    // Kept (redacted) for the support team's report of what no article answers.
    const clientIp = getClientIp(await headers(), env.TRUST_PROXY_HOPS);
    after(() => noteSearchMiss({ query, locale, clientIp }, new Date()));
  }

  return (
    <PageShell locale={locale} alternates={getLocalePaths(query ? `/search?q=${encodeURIComponent(query)}` : '/search')}>
      <h1 className="text-3xl font-bold tracking-tight">{query ? t('resultsTitle', { query }) : t('pageTitle')}</h1>
      <SearchForm
        locale={locale}
        inputId="search-page-q"
        defaultQuery={query}
        className="mt-6 max-w-2xl"
        label={t('pageTitle')}
        errorId={parsed.kind === 'too-long' ? 'search-error' : undefined}
      />

      {parsed.kind === 'too-long' && (
        <p id="search-error" role="alert" className="mt-4 max-w-2xl rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
          {t('tooLong', { max: parsed.max })}
        </p>
      )}

      {parsed.kind === 'empty' && <p className="mt-4 max-w-2xl text-muted">{t('emptyBody')}</p>}

      {showSignInCard && results.length > 0 && <SignInHelpCard locale={locale} />}

      {query && results.length > 0 && (
        <section aria-labelledby="results-count" className="mt-8 max-w-3xl">
          <h2 id="results-count" className="text-lg font-semibold">
            {t('resultCount', { count: results.length })}
          </h2>
          <SearchResults results={results} locale={locale} />
        </section>
      )}

      {query && results.length === 0 && (
        <section aria-labelledby="no-results" className="mt-8 max-w-2xl rounded-lg border-2 border-brand bg-brand-wash p-6">
          <h2 id="no-results" className="text-xl font-semibold">
            {t('noResultsTitle', { query })}
          </h2>
          <p className="mt-2">{t('noResultsBody')}</p>
          <a href={paths.signInHelp.start(locale)} className="btn-primary mt-4 inline-block">
            {t('noResultsCta')}
          </a>
        </section>
      )}

      {showSignInCard && results.length === 0 && <SignInHelpCard locale={locale} />}

      {results.length === 0 && <EssentialArticles locale={locale} heading={t('popular')} />}
    </PageShell>
  );
}
