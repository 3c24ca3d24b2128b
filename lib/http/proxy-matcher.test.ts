import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/content/catalog';
import { readArticleSources } from '@/lib/content/read-sources';
import { listCanonicalPaths } from '@/lib/content/resolve';
import { locales, type Locale } from '@/lib/i18n/locales';
import { buildProxyMatcher, writeMatcherBlock } from './proxy-matcher';

/** Next turns a matcher source into a regex roughly like this (path-to-regexp, whole path). */
const toRegExp = (matcher: string) => new RegExp(`^${matcher.replace('/((?!', '/(?:(?!').replace(/\)\.\*\)$/, ').*)')}$`);

describe('buildProxyMatcher', () => {
  const paths = Object.fromEntries(
    locales.map((l) => [l, [`/${l}/article/WBX15/how-do-i-contact`, `/${l}/article/ktod8p/${l === 'sv' ? 'lagg-till' : 'add'}`]]),
  ) as Record<Locale, string[]>;
  const matches = (path: string) => toRegExp(buildProxyMatcher(paths)).test(path);

  it('skips canonical article URLs only', () => {
    expect(matches('/en/article/WBX15/how-do-i-contact')).toBe(false);
    expect(matches('/sv/article/ktod8p/lagg-till')).toBe(false);
  });

  it.each([
    '/en/article/wbx15/how-do-i-contact',
    '/en/article/WBX15',
    '/en/article/WBX15/',
    '/en/article/WBX15/Mixed-Case',
    '/en/article/WBX15/some-old-slug',
    '/en/article/WBX15/how-do-i-contact-more',
    '/sv/article/ktod8p/add',
    '/en/article/WBX150/slug',
    '/en/article/NOPE/slug',
    '/xx/article/WBX15/slug',
    '/en/article/WBX15/slug/extra',
    '/en',
    '/',
    '/WBX15',
  ])('runs the proxy for %s', (path) => {
    expect(matches(path)).toBe(true);
  });

  it('never runs for static assets or the fixed API paths', () => {
    expect(matches('/_next/static/chunks/x.js')).toBe(false);
    expect(matches('/favicon.ico')).toBe(false);
    expect(matches('/api/search')).toBe(false);
    expect(matches('/api/health')).toBe(false);
    expect(matches('/api/articles/WBX15')).toBe(true);
    expect(matches('/api/search/x')).toBe(true);
  });

  it('refuses paths that would break the expression', () => {
    expect(() => buildProxyMatcher({ ...paths, en: ['/en/article/a|b/c'] })).toThrow();
  });
});

describe('proxy.ts', () => {
  it('carries the matcher generated from the current catalog', () => {
    const file = path.join(process.cwd(), 'proxy.ts');
    const source = readFileSync(file, 'utf8');
    const { catalog } = buildCatalog(readArticleSources());
    expect(source).toBe(writeMatcherBlock(source, buildProxyMatcher(listCanonicalPaths(catalog))));
  });
});
