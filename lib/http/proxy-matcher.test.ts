import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/content/build/catalog';
import { readArticleSources } from '@/lib/content/build/read-sources';
import { listCanonicalPaths } from '@/lib/content/resolve';
import { locales, type Locale } from '@/lib/i18n/locales';
import { buildProxyMatcher, maxMatcherLength, writeMatcherBlock } from './proxy-matcher';

/** Next turns a matcher source into a regex roughly like this (path-to-regexp, whole path). */
const toRegExp = (matcher: string) => new RegExp(`^${matcher.replace(/\(\(\?!/, '(?:(?!').replace(/^(\/[^(]*)\(\.\*\)$/, '$1(?:.*)')}$`);
/** The proxy runs when any entry matches. */
const matchesAny = (matcher: string[], path: string) => matcher.some((entry) => toRegExp(entry).test(path));

describe('buildProxyMatcher', () => {
  const paths = Object.fromEntries(
    locales.map((l) => [l, [`/${l}/article/WBX15/how-do-i-contact`, `/${l}/article/ktod8p/${l === 'sv' ? 'lagg-till' : 'add'}`]]),
  ) as Record<Locale, string[]>;
  const matches = (path: string) => matchesAny(buildProxyMatcher(paths), path);

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

  it('skips the form posts, whose handlers validate their own segments', () => {
    for (const path of [
      '/en/sign-in-help/deactivated/lookup',
      '/cs/sign-in-help/verification/site/lookup',
      '/sv/sign-in-help/result/SP-7K3M-Q9TX/resend',
      '/ja/forgot-password/submit',
      '/ar/reset-password/eyJ1.abc-_/save',
      '/fr/feedback/WBX15/comment',
      // A camelCase segment name ([userId]) once became a regex character class and matched nothing.
      '/de/admin/users/42/action',
    ]) {
      expect(matches(path), path).toBe(false);
    }
  });

  it.each(['/en/sign-in-help/deactivated', '/en/forgot-password', '/en/forgot-password/submit/x', '/xx/forgot-password/submit', '/en/reset-password/%E0%A4/save'])(
    'still runs for the page or odd path %s',
    (path) => {
      expect(matches(path)).toBe(true);
    },
  );

  it('splits a long list of articles into entries Next accepts, excluding exactly the canonical URLs', () => {
    const many = Object.fromEntries(
      locales.map((l) => [
        l,
        Array.from({ length: 400 }, (_, n) => `/${l}/article/${n % 3 ? 'WBX' : 'k'}${n}x/a-rather-long-title-for-article-number-${n}`),
      ]),
    ) as Record<Locale, string[]>;
    const matcher = buildProxyMatcher(many);
    expect(matcher.length).toBeGreaterThan(locales.length + 1);
    for (const entry of matcher) expect(entry.length).toBeLessThanOrEqual(maxMatcherLength);
    for (const n of [0, 1, 2, 57, 399]) {
      const canonical = many.sv[n]!;
      expect(matchesAny(matcher, canonical), canonical).toBe(false);
      expect(matchesAny(matcher, canonical.toLowerCase().replace('/sv/', '/sv/')), canonical).toBe(canonical !== canonical.toLowerCase());
      expect(matchesAny(matcher, `${canonical}-x`)).toBe(true);
      expect(matchesAny(matcher, canonical.replace(/\/[^/]+$/, ''))).toBe(true);
    }
    expect(matchesAny(matcher, '/sv/article/ZZZ/slug')).toBe(true);
    expect(matchesAny(matcher, '/sv/article/')).toBe(true);
    expect(matchesAny(matcher, '/sv/article')).toBe(true);
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
    expect(source).toBe(writeMatcherBlock(source, buildProxyMatcher(listCanonicalPaths(catalog, { translatedOnly: true }))));
  });
});
