import type { Locale } from '@/lib/i18n/locales';
import type { Audience } from './schema';

export type Heading = { depth: 2 | 3; text: string; anchor: string };

/** One article file (one article in one locale), as the catalog stores it. */
export type ArticleEntry = {
  id: string;
  locale: Locale;
  title: string;
  summary: string;
  audience: Audience;
  tags: string[];
  updated: string;
  errors: string[];
  related: string[];
  slug: string;
  revision?: number;
  translatedFrom?: number;
  headings: Heading[];
  /** The body as plain text, one block a line: what search indexes and snippets quote. */
  text: string;
};

/** A withdrawn article: what its 410 page says was there, in each locale it had. */
type RetiredArticle = { titles: Partial<Record<Locale, string>> };

export type Catalog = {
  /** Canonical IDs in a stable order (audience, then English title). */
  ids: string[];
  /** `entries[id][locale]`: the real files; a missing locale means "not translated yet". */
  entries: Record<string, Partial<Record<Locale, ArticleEntry>>>;
  /** Old IDs (lowercased) and the canonical ID of the article that now answers for each. */
  aliases: Record<string, string>;
  /** Retired articles by canonical ID: their URLs answer 410. */
  retired: Record<string, RetiredArticle>;
};

/** A live article (or an old ID of one, when the key is not its own ID lowercased). */
export type LiveRoute = { id: string; slugs: Record<Locale, string>; fallbacks: Locale[] };
/** A retired article: gone, with no successor. */
type GoneRoute = { id: string; gone: true };

/**
 * The subset the proxy needs to canonicalize URLs, kept small on purpose, keyed by
 * lowercased ID: live IDs, their aliases (pointing to the live article) and retired IDs.
 */
export type RouteTable = Record<string, LiveRoute | GoneRoute>;

export type ContentProblem = { file: string; message: string };
