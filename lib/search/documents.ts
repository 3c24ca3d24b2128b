import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import type { Catalog } from '@/lib/content/types';
import type { SearchDocument } from './engine';

/**
 * One locale's search documents: every article in that locale, or in English
 * where the translation is missing (so it is still found). Error strings from
 * every locale are attached, so a message pasted in any language finds its article.
 */
export function buildSearchDocuments(catalog: Catalog, locale: Locale): SearchDocument[] {
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, id] of Object.entries(catalog.aliases)) aliasesOf.set(id, [...(aliasesOf.get(id) ?? []), alias]);
  return catalog.ids.map((id) => {
    const byLocale = catalog.entries[id]!;
    const entry = byLocale[locale] ?? byLocale[defaultLocale]!;
    const errors = [...new Set([...entry.errors, ...Object.values(byLocale).flatMap((e) => e.errors)])];
    return {
      id,
      locale: entry.locale,
      isFallback: entry.locale !== locale,
      title: entry.title,
      summary: entry.summary,
      audience: entry.audience,
      tags: entry.tags,
      headings: entry.headings.map((h) => h.text),
      errors,
      ownErrors: entry.errors,
      ...(aliasesOf.has(id) && { aliases: aliasesOf.get(id) }),
      text: entry.text,
    };
  });
}
