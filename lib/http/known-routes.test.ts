import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownLocalizedPath, localizedPageRoutes, notFoundPagePath } from './known-routes';

function findPages(dir: string, route = ''): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) {
      if (name === 'page.tsx') pages.push(route || '/');
      continue;
    }
    if (name.startsWith('_')) continue;
    // Route groups `(name)` add no path segment.
    const segment = /^\(.*\)$/.test(name) ? '' : `/${name}`;
    pages.push(...findPages(full, route + segment));
  }
  return pages;
}

describe('localizedPageRoutes', () => {
  it('lists exactly the pages under app/[locale] (besides the 404 page and the catch-all)', () => {
    const pages = findPages(path.join(process.cwd(), 'app', '[locale]'))
      .filter((page) => page !== notFoundPagePath && page !== '/[...rest]')
      .sort();
    expect([...localizedPageRoutes].sort()).toEqual(pages);
  });

  it('matches paths against the templates', () => {
    expect(isKnownLocalizedPath([])).toBe(true);
    expect(isKnownLocalizedPath(['article', 'WBX15'])).toBe(true);
    expect(isKnownLocalizedPath(['article', 'WBX15', 'slug', 'extra'])).toBe(true);
    expect(isKnownLocalizedPath(['article'])).toBe(false);
    expect(isKnownLocalizedPath(['nothing'])).toBe(false);
  });
});
