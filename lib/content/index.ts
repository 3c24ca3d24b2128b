/**
 * The content facade: the only way routes, search, the sitemap and the API read
 * articles. It serves the catalog generated at build time (scripts/build-content.ts).
 */
import generated from './generated/catalog.json';
import type { Locale } from '@/lib/i18n/locales';
import { buildArticlePath, resolveArticle, type ResolvedArticle } from './resolve';
import type { Catalog } from './types';

export type { Catalog, Heading } from './types';
export type { ResolvedArticle } from './resolve';

const catalog = generated as unknown as Catalog;
const canonicalIds = new Map(catalog.ids.map((id) => [id.toLowerCase(), id]));

export function getCatalog(): Catalog {
  return catalog;
}

/** The canonical spelling of an article ID typed in any letter case, or undefined. */
export function findArticleId(raw: string): string | undefined {
  return canonicalIds.get(raw.toLowerCase());
}

const retiredIds = new Map(Object.keys(catalog.retired).map((id) => [id.toLowerCase(), id]));

/**
 * What an ID in any letter case names: a live article, an old ID of one (`moved`,
 * with the ID that answers for it now), a retired article, or nothing.
 */
export function lookupArticleId(raw: string): { kind: 'live' | 'moved' | 'retired'; id: string } | undefined {
  const key = raw.toLowerCase();
  const live = canonicalIds.get(key);
  if (live) return { kind: 'live', id: live };
  if (Object.hasOwn(catalog.aliases, key)) return { kind: 'moved', id: catalog.aliases[key]! };
  const retired = retiredIds.get(key);
  return retired ? { kind: 'retired', id: retired } : undefined;
}

/** A retired article's title in a locale (English when it had no translation), for its 410 page. */
export function getRetiredTitle(id: string, locale: Locale): { title: string; locale: Locale } | undefined {
  const titles = catalog.retired[id]?.titles;
  const title = titles?.[locale];
  if (title !== undefined) return { title, locale };
  const english = titles?.en;
  return english === undefined ? undefined : { title: english, locale: 'en' };
}

export function getArticlePath(id: string, locale: Locale): string {
  return buildArticlePath(catalog, id, locale);
}

export function getArticle(id: string, locale: Locale): ResolvedArticle | undefined {
  return resolveArticle(catalog, id, locale);
}

export function listArticles(locale: Locale): ResolvedArticle[] {
  return catalog.ids.map((id) => getArticle(id, locale)!);
}

/** The articles people most often need, in the order the home and not-found pages list them. */
const essentialArticleIds = ['WBX89094', 'WBX75907', 'pw7r2k', 'WBX15'] as const;

export function getEssentialArticles(locale: Locale): ResolvedArticle[] {
  return essentialArticleIds.flatMap((id) => getArticle(id, locale) ?? []);
}
