import { isLocale, type Locale } from '@/lib/i18n/locales';
import { negotiateLocale } from '@/lib/i18n/negotiate';

const localeCookieName = 'NEXT_LOCALE';
const oneYear = 60 * 60 * 24 * 365;

/**
 * Remembers a locale the reader chose: set when the page's locale differs from
 * the cookie, or (with no cookie yet) from what Accept-Language would pick, so
 * most visitors never get a cookie at all. Only for page loads, not prefetches.
 * Secure in production. Says whether it set the cookie.
 */
/** What this needs of Next's request and response (kept structural, so the module stays free of next/*). */
type CookieRequest = { headers: Headers; cookies: { get(name: string): { value: string } | undefined } };
type CookieResponse = { cookies: { set(name: string, value: string, options: { path: string; maxAge: number; sameSite: 'lax'; secure: boolean }): unknown } };

export function syncLocaleCookie(request: CookieRequest, response: CookieResponse, locale: Locale, options: { secure: boolean }): boolean {
  const destination = request.headers.get('sec-fetch-dest');
  if (destination !== null && destination !== 'document') return false;
  const current = request.cookies.get(localeCookieName)?.value;
  const wanted = isLocale(current)
    ? current !== locale
    : negotiateLocale({ acceptLanguage: request.headers.get('accept-language') }) !== locale;
  if (wanted) {
    response.cookies.set(localeCookieName, locale, { path: '/', maxAge: oneYear, sameSite: 'lax', secure: options.secure });
  }
  return wanted;
}
