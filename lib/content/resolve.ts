import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';
import type { ArticleEntry, Catalog } from './types';

/** An article as served in one locale: the translation, or the English source in its place. */
export type ResolvedArticle = {
  id: string;
  requestedLocale: Locale;
  /** What is shown: a real translation, or the English source when `isFallback`. */
  entry: ArticleEntry;
  isFallback: boolean;
  /** The translation was made from an older English revision. */
  isOutdated: boolean;
  /** Locales with a real translation (English included). */
  translatedLocales: Locale[];
  path: string;
};

export function buildArticlePath(catalog: Catalog, id: string, locale: Locale): string {
  const byLocale = catalog.entries[id];
  const slug = (byLocale?.[locale] ?? byLocale?.[defaultLocale])?.slug;
  return slug ? `/${locale}/article/${id}/${slug}` : `/${locale}/article/${id}`;
}

/** Resolves a canonical ID in a locale; undefined when the catalog has no such article. */
export function resolveArticle(catalog: Catalog, id: string, locale: Locale): ResolvedArticle | undefined {
  const byLocale = catalog.entries[id];
  const source = byLocale?.[defaultLocale];
  if (!byLocale || !source) return undefined;
  const translation = byLocale[locale];
  return {
    id,
    requestedLocale: locale,
    entry: translation ?? source,
    isFallback: !translation,
    isOutdated:
      translation?.translatedFrom !== undefined &&
      source.revision !== undefined &&
      translation.translatedFrom < source.revision,
    translatedLocales: locales.filter((l) => byLocale[l]),
    path: buildArticlePath(catalog, id, locale),
  };
}

/** Every canonical article URL, by locale (fallback pages included: they are prerendered too). */
export function listCanonicalPaths(catalog: Catalog, options: { translatedOnly?: boolean } = {}): Record<Locale, string[]> {
  return Object.fromEntries(
    locales.map((locale) => [
      locale,
      catalog.ids.filter((id) => !options.translatedOnly || catalog.entries[id]?.[locale]).map((id) => buildArticlePath(catalog, id, locale)),
    ]),
  ) as Record<Locale, string[]>;
}
