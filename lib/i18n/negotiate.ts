import { defaultLocale, isLocale, locales, type Locale } from './locales';

/*
 * Why this is ours and not next-intl's (localeDetection and localeCookie stay off in
 * routing.ts; lib/http/locale-cookie.ts syncs the cookie with the same rules as
 * next-intl's syncCookie). Either way the prerendered article pages stay off the
 * proxy (its matcher excludes their canonical URLs), so the choice only changes the
 * cost of the requests that do reach it: redirects to a locale and rendered pages.
 * Measured with `npx tsx bench/locale-negotiation.ts` (2026-12-04, the two-core
 * machine, shared with two other builds; two runs): ours 1.4 and 3.4 µs per request,
 * next-intl's (Negotiator + @formatjs/intl-localematcher, as its middleware runs it)
 * 69 and 76 µs, 22–49× slower, on every request that reaches the proxy. next-intl also answers
 * `fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5` with English where the reader asked
 * for French first. Kept: ours, faster and closer to what the reader asked for.
 */

type Preference = { tag: string; q: number; order: number };

/** Parses an Accept-Language header into tags by preference; malformed parts are skipped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const preferences: Preference[] = [];
  header
    .slice(0, 1000)
    .split(',')
    .forEach((part, order) => {
      const [rawTag, ...params] = part.trim().split(';');
      const tag = rawTag?.trim().toLowerCase() ?? '';
      if (!/^([a-z]{1,8})(-[a-z0-9]{1,8})*$|^\*$/.test(tag)) return;
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (match) q = Number(match[1]);
      }
      if (q > 0) preferences.push({ tag, q, order });
    });
  return preferences.sort((a, b) => b.q - a.q || a.order - b.order).map((p) => p.tag);
}

/**
 * The locale for a request without one in its path: the NEXT_LOCALE cookie when
 * it names a locale we ship, then the best Accept-Language match (by language,
 * `sv-SE` → `sv`), then English.
 */
export function negotiateLocale({
  cookie,
  acceptLanguage,
}: {
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    if (tag === '*') return defaultLocale;
    const language = tag.split('-')[0];
    const match = locales.find((locale) => locale === language);
    if (match) return match;
  }
  return defaultLocale;
}
