import { getLocaleFromRegionCode, isLocale, type Locale } from './locales';
import { negotiateLocale } from './negotiate';

/**
 * The `locale` query parameter as one of ours: `sv`, or a region code such as
 * `sv-SE` or `cs_cz`, accepted the way `/sv-se/…` URLs are. Undefined otherwise.
 */
export function parseApiLocale(requested: string): Locale | undefined {
  return isLocale(requested) ? requested : getLocaleFromRegionCode(requested);
}

/**
 * The locale an API answer's messages are written in: the `locale` query
 * parameter when it is valid, otherwise the caller's Accept-Language.
 */
export function getMessageLocale(request: Request, requested: string | null): Locale {
  const locale = requested === null ? undefined : parseApiLocale(requested);
  return locale ?? negotiateLocale({ acceptLanguage: request.headers.get('accept-language') });
}
