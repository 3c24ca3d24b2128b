import { locales, type Locale } from './locales';

/** The same path under every locale prefix: `/search` → `{ en: '/en/search', sv: '/sv/search', … }`. */
export function getLocalePaths(pathWithoutLocale: string): Record<Locale, string> {
  const suffix = pathWithoutLocale === '/' ? '' : pathWithoutLocale;
  return Object.fromEntries(locales.map((locale) => [locale, `/${locale}${suffix}`])) as Record<Locale, string>;
}
