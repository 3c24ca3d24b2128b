import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { getArticlePath, type ResolvedArticle } from './index';
import { paths } from '@/lib/paths';

/**
 * hreflang alternates for an article: only locales with a real translation,
 * plus x-default pointing at the English source.
 */
export function getArticleLanguageAlternates(article: ResolvedArticle): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of article.translatedLocales) languages[locale] = getArticlePath(article.id, locale);
  languages['x-default'] = getArticlePath(article.id, defaultLocale);
  return languages;
}

/**
 * A page serving the English text in place of a missing translation is a
 * duplicate of the English page, so that page is its canonical URL.
 */
export function getArticleCanonicalPath(article: ResolvedArticle): string {
  return article.isFallback ? getArticlePath(article.id, defaultLocale) : article.path;
}

/**
 * Where the language switcher sends a reader of this article: the ID URL in each
 * locale. The proxy remembers the choice in the locale cookie, then redirects to
 * the canonical URL (canonical article URLs themselves skip the proxy).
 */
export function getArticleSwitcherPaths(id: string, locales: readonly Locale[]): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, paths.article(locale, id)])) as Record<Locale, string>;
}
