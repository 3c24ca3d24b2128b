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

export type Catalog = {
  /** Canonical IDs in a stable order (audience, then English title). */
  ids: string[];
  /** `entries[id][locale]`: the real files; a missing locale means "not translated yet". */
  entries: Record<string, Partial<Record<Locale, ArticleEntry>>>;
};

/** The subset the proxy needs to canonicalize URLs, kept small on purpose. */
export type RouteTable = Record<string, { id: string; slugs: Record<Locale, string>; fallbacks: Locale[] }>;

export type ContentProblem = { file: string; message: string };
