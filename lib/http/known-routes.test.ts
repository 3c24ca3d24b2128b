import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadRoutes, formPostRoutes, isKnownLocalizedPath, localizedRoutes, matchLocalizedRoute, notFoundPagePath } from './known-routes';

function findPages(dir: string, route = ''): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) {
      if (name === 'page.tsx' || name === 'route.ts') pages.push(route || '/');
      continue;
    }
    if (name.startsWith('_')) continue;
    // Route groups `(name)` add no path segment.
    const segment = /^\(.*\)$/.test(name) ? '' : `/${name}`;
    pages.push(...findPages(full, route + segment));
  }
  return pages;
}

describe('localizedRoutes', () => {
  it('lists exactly the pages and route handlers under app/[locale] (besides the 404 page and the catch-all)', () => {
    const pages = findPages(path.join(process.cwd(), 'app', '[locale]'))
      .filter((page) => page !== notFoundPagePath && page !== '/[...rest]')
      .sort();
    expect([...new Set(localizedRoutes)].sort()).toEqual([...new Set(pages)].sort());
  });

  it('names every route handler as a form post, and each answers POST only', () => {
    const root = path.join(process.cwd(), 'app', '[locale]');
    const handlers = findPages(root).filter((route) => {
      try {
        return statSync(path.join(root, route, 'route.ts')).isFile();
      } catch {
        return false;
      }
    });
    expect([...formPostRoutes, ...downloadRoutes].sort()).toEqual(handlers.filter((route) => route !== '/[...rest]').sort());
    for (const route of downloadRoutes) {
      const source = readFileSync(path.join(root, route, 'route.ts'), 'utf8');
      expect(source.match(/export (?:async )?function (\w+)/g), route).toEqual([expect.stringContaining('GET')]);
    }
    for (const route of formPostRoutes) {
      // Form routes are written `export const POST = formRoute({...})`.
      const source = readFileSync(path.join(root, route, 'route.ts'), 'utf8');
      expect(source.match(/export (?:(?:async )?function|const) (\w+)/g), route).toEqual([expect.stringContaining('POST')]);
    }
  });

  it('validates dynamic segments before anything renders', () => {
    const dev = { development: true };
    expect(matchLocalizedRoute(['sign-in-help', 'deactivated'], dev)).toBe('/sign-in-help/[problem]');
    expect(matchLocalizedRoute(['sign-in-help', 'other'], dev)).toBe('/sign-in-help/[problem]');
    expect(matchLocalizedRoute(['sign-in-help', 'other', 'lookup'], dev)).toBeUndefined();
    expect(matchLocalizedRoute(['sign-in-help', 'nonsense'], dev)).toBeUndefined();
    expect(matchLocalizedRoute(['sign-in-help', 'expired'], dev)).toBe('/sign-in-help/expired');
    expect(matchLocalizedRoute(['sign-in-help', 'result', 'SP-7K3M-Q9TX'], dev)).toBe('/sign-in-help/result/[code]');
    expect(matchLocalizedRoute(['sign-in-help', 'result', '<script>'], dev)).toBeUndefined();
    expect(matchLocalizedRoute(['reset-password', 'abc.def'], dev)).toBe('/reset-password/[token]');
    expect(matchLocalizedRoute(['reset-password', 'IlCnoELxTa9gkCx7-xuksEIvr4HtSInkr43rJ3YTnjE'], dev)).toBe('/reset-password/[token]');
    expect(matchLocalizedRoute(['verify-email', 'IlCnoELxTa9gkCx7-xuksEIvr4HtSInkr43rJ3YTnjE'], dev)).toBe('/verify-email/[token]');
    expect(matchLocalizedRoute(['reset-password', 'no dots here'], dev)).toBeUndefined();
  });

  it('has the development mailbox outside production only', () => {
    expect(matchLocalizedRoute(['dev', 'mailbox'], { development: true })).toBe('/dev/mailbox');
    expect(matchLocalizedRoute(['dev', 'mailbox'], { development: false })).toBeUndefined();
  });

  it('matches paths against the templates', () => {
    expect(isKnownLocalizedPath([])).toBe(true);
    expect(isKnownLocalizedPath(['article', 'WBX15'])).toBe(true);
    expect(isKnownLocalizedPath(['article', 'WBX15', 'slug', 'extra'])).toBe(true);
    expect(isKnownLocalizedPath(['article'])).toBe(false);
    expect(isKnownLocalizedPath(['nothing'])).toBe(false);
  });
});
