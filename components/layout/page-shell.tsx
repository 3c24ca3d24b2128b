import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main landmark and footer around a page. Each page passes the URL of
 * itself in every locale, so the language switcher keeps people on the same page.
 */
export function PageShell({
  locale,
  alternates,
  children,
  searchQuery,
}: {
  locale: Locale;
  alternates: Record<Locale, string>;
  children: ReactNode;
  searchQuery?: string;
}) {
  return (
    <>
      <SiteHeader locale={locale} alternates={alternates} searchQuery={searchQuery} />
      <main id="main" tabIndex={-1} className="page-width flex-1 py-8 outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
