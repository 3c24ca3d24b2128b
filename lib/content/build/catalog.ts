import { defaultLocale, isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { parseArticleSource, SourceError } from './parse';
import { frontmatterSchema } from '../schema';
import { slugify } from './slug';
import type { Catalog, ContentProblem, RouteTable } from '../types';

/** One article file as read from `content/articles/<ID>/<locale>.mdx`. */
export type SourceFile = { path: string; folder: string; fileLocale: string; source: string };

export type BuildResult = { catalog: Catalog; problems: ContentProblem[] };

/**
 * Builds the catalog from every article file and reports every problem a
 * content check finds, so one run lists all of them rather than the first.
 */
export function buildCatalog(files: SourceFile[]): BuildResult {
  const problems: ContentProblem[] = [];
  const entries: Catalog['entries'] = {};
  const folderOfId = new Map<string, string>();
  const linksByFile: Array<{ file: string; ids: string[] }> = [];
  const aliasesOf = new Map<string, string[]>();
  const retiredIds = new Set<string>();

  for (const file of files) {
    const report = (message: string) => problems.push({ file: file.path, message });
    if (!isLocale(file.fileLocale)) {
      report(`"${file.fileLocale}" is not a locale we ship (${locales.join(', ')})`);
      continue;
    }
    const locale: Locale = file.fileLocale;

    let parsed;
    try {
      parsed = parseArticleSource(file.source);
    } catch (error) {
      if (error instanceof SourceError) {
        report(error.message);
        continue;
      }
      throw error;
    }

    const result = frontmatterSchema.safeParse(parsed.frontmatter);
    if (!result.success) {
      for (const issue of result.error.issues) {
        report(`metadata ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      continue;
    }
    const meta = result.data;
    if (meta.id !== file.folder) report(`id "${meta.id}" does not match its folder "${file.folder}"`);

    const key = meta.id.toLowerCase();
    const seenFolder = folderOfId.get(key);
    if (seenFolder !== undefined && seenFolder !== file.folder) {
      report(`duplicate article ID "${meta.id}" (also used by ${seenFolder})`);
      continue;
    }
    folderOfId.set(key, file.folder);

    if (locale === defaultLocale && meta.translatedFrom !== undefined) {
      report('English articles are the source: use "revision", not "translatedFrom"');
    }
    if (locale === defaultLocale && meta.revision === undefined) report('English articles need a "revision" number');
    if (locale !== defaultLocale && meta.translatedFrom === undefined) {
      report('translations need "translatedFrom": the English revision they were translated from');
    }
    if (locale !== defaultLocale && meta.revision !== undefined) {
      report('only the English source carries "revision"; translations use "translatedFrom"');
    }
    if (meta.related.some((id) => id.toLowerCase() === key)) report('an article cannot be related to itself');
    if (locale !== defaultLocale && (meta.aliases.length > 0 || meta.retired)) {
      report('"aliases" and "retired" describe the whole article: set them in en.mdx only');
    }
    if (locale === defaultLocale) {
      if (meta.aliases.length > 0) aliasesOf.set(meta.id, meta.aliases);
      if (meta.retired) retiredIds.add(meta.id);
      if (meta.retired && meta.aliases.length > 0) {
        report('a retired article has no successor, so it cannot take aliases: move them to the article that replaces it');
      }
    }

    linksByFile.push({ file: file.path, ids: [...meta.related, ...parsed.linkedIds] });
    const byLocale = (entries[meta.id] ??= {});
    byLocale[locale] = {
      id: meta.id,
      locale,
      title: meta.title,
      summary: meta.summary,
      audience: meta.audience,
      tags: meta.tags,
      updated: meta.updated,
      errors: meta.errors,
      related: meta.related,
      slug: meta.slug ?? slugify(meta.title),
      ...(meta.revision !== undefined && { revision: meta.revision }),
      ...(meta.translatedFrom !== undefined && { translatedFrom: meta.translatedFrom }),
      headings: parsed.headings,
      text: parsed.text,
    };
  }

  const aliases = checkAliases(aliasesOf, new Set(Object.keys(entries).map((id) => id.toLowerCase())), problems);

  // Retired articles leave the catalog (no page, no search, no sitemap); their titles stay for the 410 page.
  const retired: Catalog['retired'] = {};
  for (const id of retiredIds) {
    const byLocale = entries[id] ?? {};
    retired[id] = { titles: Object.fromEntries(Object.values(byLocale).map((entry) => [entry.locale, entry.title])) };
    delete entries[id];
  }

  const canonicalIds = new Map<string, string>();
  for (const id of Object.keys(entries)) canonicalIds.set(id.toLowerCase(), id);

  for (const [id, byLocale] of Object.entries(entries)) {
    const source = byLocale[defaultLocale];
    if (!source) {
      problems.push({ file: `content/articles/${id}`, message: 'article has no English version (en.mdx)' });
      continue;
    }
    if (!source.slug) {
      problems.push({ file: `content/articles/${id}/en.mdx`, message: 'English title gives no slug: set "slug"' });
    }
    for (const entry of Object.values(byLocale)) {
      if (!entry.slug) entry.slug = source.slug;
      if (entry.translatedFrom !== undefined && source.revision !== undefined && entry.translatedFrom > source.revision) {
        problems.push({
          file: `content/articles/${id}/${entry.locale}.mdx`,
          message: `translatedFrom ${entry.translatedFrom} is newer than the English revision ${source.revision}`,
        });
      }
      if (entry.audience !== source.audience) {
        problems.push({
          file: `content/articles/${id}/${entry.locale}.mdx`,
          message: `audience "${entry.audience}" differs from the English "${source.audience}"`,
        });
      }
    }
  }

  for (const { file, ids } of linksByFile) {
    for (const linked of ids) {
      const canonical = canonicalIds.get(linked.toLowerCase());
      const moved = aliases[linked.toLowerCase()];
      if (moved) problems.push({ file, message: `"${linked}" is an old ID of ${moved}: link to "${moved}"` });
      else if (retired[linked]) problems.push({ file, message: `links to the retired article "${linked}"` });
      else if (!canonical) problems.push({ file, message: `links to unknown article ID "${linked}"` });
      else if (canonical !== linked) problems.push({ file, message: `write the ID as "${canonical}", not "${linked}"` });
    }
  }

  // Fill ArticleLink placeholders with the linked title in the same locale (or English).
  for (const byLocale of Object.values(entries)) {
    for (const entry of Object.values(byLocale)) {
      entry.text = entry.text.replace(/\{\{article:([A-Za-z0-9]+)\}\}/g, (placeholder, linked: string) => {
        const target = entries[linked];
        return (target?.[entry.locale] ?? target?.[defaultLocale])?.title ?? placeholder;
      });
    }
  }

  const ids = Object.keys(entries)
    .filter((id) => entries[id]?.[defaultLocale])
    .sort((a, b) => {
      const x = entries[a]![defaultLocale]!;
      const y = entries[b]![defaultLocale]!;
      return x.audience.localeCompare(y.audience) || x.title.localeCompare(y.title, 'en');
    });
  return { catalog: { ids, entries, aliases, retired }, problems };
}

/**
 * The alias table (lowercased old ID to canonical ID). An old ID must name one
 * article only: never a live or retired ID (which would win, hiding the alias),
 * never another article's alias, since either would send readers somewhere else.
 */
function checkAliases(aliasesOf: Map<string, string[]>, articleKeys: Set<string>, problems: ContentProblem[]): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [id, list] of aliasesOf) {
    const report = (message: string) => problems.push({ file: `content/articles/${id}/en.mdx`, message });
    for (const alias of list) {
      const key = alias.toLowerCase();
      if (articleKeys.has(key)) {
        report(`alias "${alias}" is the ID of an existing article: an old ID must not collide with a live or retired ID`);
      } else if (Object.hasOwn(aliases, key)) {
        const owner = aliases[key]!;
        report(owner === id ? `alias "${alias}" is listed twice` : `alias "${alias}" is already an alias of ${owner}`);
      } else {
        aliases[key] = id;
      }
    }
  }
  return aliases;
}

/** The proxy's view of the catalog: canonical ID and slug per locale, keyed by lowercased ID, alias or retired ID. */
export function buildRouteTable(catalog: Catalog): RouteTable {
  const table: RouteTable = {};
  for (const id of Object.keys(catalog.retired)) table[id.toLowerCase()] = { id, gone: true };
  for (const id of catalog.ids) {
    const byLocale = catalog.entries[id]!;
    const english = byLocale[defaultLocale]!;
    const slugs = Object.fromEntries(locales.map((locale) => [locale, (byLocale[locale] ?? english).slug])) as Record<
      Locale,
      string
    >;
    // Locales without a translation: their page serves the English text (and its views are counted).
    const fallbacks = locales.filter((locale) => !byLocale[locale]);
    table[id.toLowerCase()] = { id, slugs, fallbacks };
  }
  for (const [alias, id] of Object.entries(catalog.aliases)) table[alias] = table[id.toLowerCase()]!;
  return table;
}

