import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/config/env';
import { findArticleId, getArticlePath } from '@/lib/content';
import { locales, type Locale } from '@/lib/i18n/locales';
import { SearchEngine, type ArticleSearchResult, type SearchOptions, type SerializedEngine } from './engine';
import { paths } from '@/lib/paths';

/**
 * The server's search indexes: read once from the files the build wrote and kept
 * on globalThis, so every bundle in the process (pages, route handlers,
 * instrumentation) shares one copy.
 */
const store = globalThis as typeof globalThis & { __signpostSearch?: Map<Locale, SearchEngine> };

function indexDirectory(): string {
  return env.SEARCH_INDEX_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'content', 'generated', 'search');
}

function loadEngine(locale: Locale): SearchEngine {
  const file = path.join(indexDirectory(), `${locale}.json`);
  return SearchEngine.deserialize(JSON.parse(readFileSync(file, 'utf8')) as SerializedEngine);
}

function getSearchEngine(locale: Locale): SearchEngine {
  store.__signpostSearch ??= new Map();
  let engine = store.__signpostSearch.get(locale);
  if (!engine) {
    engine = loadEngine(locale);
    store.__signpostSearch.set(locale, engine);
  }
  return engine;
}

/** Loads every locale's index; called once at server start so no request pays for it. */
export function preloadSearchIndexes(): void {
  for (const locale of locales) getSearchEngine(locale);
}

export function searchArticles(query: string, locale: Locale, limit: number, options: SearchOptions = {}): ArticleSearchResult[] {
  return getSearchEngine(locale)
    .search(query, limit, options)
    .map((hit) => {
      const id = findArticleId(hit.id);
      return { ...hit, url: id ? getArticlePath(id, locale) : paths.article(locale, hit.id) };
    });
}

/** The article a query names outright (its exact ID, or a reference code), as a path to open. */
export function findDirectArticlePath(query: string, locale: Locale): string | undefined {
  const found = getSearchEngine(locale).directArticle(query);
  const id = found ? findArticleId(found) : undefined;
  return id ? getArticlePath(id, locale) : undefined;
}

/** Whether a query is about not being able to sign in: its results lead to sign-in help. */
export function isSignInQuestion(query: string, locale: Locale): boolean {
  return getSearchEngine(locale).isSignInQuestion(query);
}
