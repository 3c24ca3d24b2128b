import { buildCatalog } from '../../lib/content/build/catalog';
import { readArticleSources } from '../../lib/content/build/read-sources';
import type { Locale } from '../../lib/i18n/locales';
import { buildSearchDocuments } from '../../lib/search/documents';
import { SearchEngine, type SearchDocument } from '../../lib/search/engine';
import { readSearchConfig } from '../../lib/search/read-config';
import { resultDepth, type SearchFunction } from './relevance';

/** The real articles as each locale's search documents (English standing in for missing translations). */
export function readSearchDocuments(locale: Locale): SearchDocument[] {
  const { catalog, problems } = buildCatalog(readArticleSources());
  if (problems.length > 0) throw new Error(`Content problems: ${problems.map((p) => p.message).join('; ')}`);
  return buildSearchDocuments(catalog, locale);
}

/** Our search as the server runs it: built, serialized, loaded. */
export function createOurSearch(locale: Locale, documents = readSearchDocuments(locale)): SearchFunction {
  const built = SearchEngine.build(documents, readSearchConfig(locale));
  const engine = SearchEngine.deserialize(JSON.parse(JSON.stringify(built.serialize())));
  return (query) => engine.search(query, resultDepth).map((hit) => hit.id);
}
