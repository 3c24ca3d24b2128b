import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/config/env';
import { getArticle, getCatalog } from '@/lib/content';
import { getArticleLanguageAlternates } from '@/lib/content/metadata';
import { locales } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

function absolutize(languages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(languages).map(([lang, path]) => [lang, absoluteUrl(path)]));
}

/**
 * Every home page and every real translation of every article, each with its
 * hreflang alternates and x-default. Pages that show the English text in place of
 * a missing translation are left out: their canonical URL is the English page.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const homes: MetadataRoute.Sitemap = locales.map((locale) => ({
    url: absoluteUrl(paths.home(locale)),
    alternates: {
      languages: absolutize({ ...Object.fromEntries(locales.map((l) => [l, paths.home(l)])), 'x-default': '/en' }),
    },
  }));
  const articles = getCatalog().ids.flatMap((id) =>
    locales.flatMap((locale) => {
      const article = getArticle(id, locale);
      if (!article || article.isFallback) return [];
      return [
        {
          url: absoluteUrl(article.path),
          lastModified: article.entry.updated,
          alternates: { languages: absolutize(getArticleLanguageAlternates(article)) },
        },
      ];
    }),
  );
  return [...homes, ...articles];
}
