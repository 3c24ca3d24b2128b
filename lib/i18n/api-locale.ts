import { isLocale, type Locale } from './locales';
import { negotiateLocale } from './negotiate';

/**
 * The locale an API answer's messages are written in: the `locale` query
 * parameter when it is valid, otherwise the caller's Accept-Language.
 */
export function getMessageLocale(request: Request, requested: string | null): Locale {
  if (isLocale(requested)) return requested;
  return negotiateLocale({ acceptLanguage: request.headers.get('accept-language') });
}
