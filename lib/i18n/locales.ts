/**
 * The locales Signpost ships. Everything else (routing, negotiation, content
 * checks, the sitemap) derives from this list, so adding a locale starts here.
 */
export const locales = ['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

/** The language each locale is written in, named in that language (an endonym, not a UI string). */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  cs: 'Čeština',
  de: 'Deutsch',
  fr: 'Français',
  ja: '日本語',
  ar: 'العربية',
};

const rightToLeft: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function getDirection(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/**
 * `lang` and `dir` for text written in `textLocale` inside a page in `pageLocale`
 * (English in place of a missing translation): set only when they differ. A `dir`
 * attribute also isolates the text, so an English title in an Arabic page keeps
 * its punctuation where English puts it ("What is…?", not "?What is…").
 */
export function getTextAttributes(textLocale: string, pageLocale: Locale): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (textLocale === pageLocale) return {};
  return { lang: textLocale, dir: isLocale(textLocale) ? getDirection(textLocale) : 'ltr' };
}

/**
 * Maps a region-style code used by other help centers (`sv-se`, `cs-CZ`, `en_us`)
 * to one of ours, or returns undefined when the language is not one we ship.
 */
export function getLocaleFromRegionCode(code: string): Locale | undefined {
  const match = /^([a-z]{2})[-_][a-z]{2,4}$/i.exec(code);
  const language = match?.[1]?.toLowerCase();
  return isLocale(language) ? language : undefined;
}
