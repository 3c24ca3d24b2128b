import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { LocaleSwitcher } from './locale-switcher';
import { HeaderSearch } from '@/components/search/header-search';
import { paths } from '@/lib/paths';

export async function SiteHeader({
  locale,
  alternates,
  searchQuery,
}: {
  locale: Locale;
  alternates: Record<Locale, string>;
  searchQuery?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'Header' });
  return (
    <header role="banner" className="site-header">
      <div className="page-width">
        <a href={paths.home(locale)} className="site-logo">
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="currentColor">
            <path d="M11 2h2v3h6l3 3-3 3h-6v11h-2V13H5l-3-3 3-3h6V2z" />
          </svg>
          <span>{t('siteName')}</span>
        </a>
        <HeaderSearch locale={locale} defaultQuery={searchQuery} />
        <nav aria-label={t('navLabel')} className="site-nav">
          <a href={paths.signInHelp.start(locale)} className="font-semibold">
            {t('cantSignIn')}
          </a>
          <LocaleSwitcher locale={locale} alternates={alternates} label={t('language')} />
        </nav>
      </div>
    </header>
  );
}
