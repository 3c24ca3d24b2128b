import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'always',
  // hreflang comes from page metadata, which knows which articles really are translated.
  alternateLinks: false,
  // lib/http/locale-cookie.ts remembers the reader's choice on every localized response.
  localeCookie: false,
});
