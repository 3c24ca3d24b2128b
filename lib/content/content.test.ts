import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/locales';
import { buildCatalog } from './build/catalog';
import { readArticleSources } from './build/read-sources';
import { resolveArticle } from './resolve';

const { catalog, problems } = buildCatalog(readArticleSources());

/** The articles the portal promises, each in all seven locales. */
const fullyTranslated = ['WBX89094', 'nikzbgy', 'WBX75907', 'WBX15', 'ktod8p', 'pw7r2k', 'vf3m9q', 'ds8x4n'];

describe('content/articles', () => {
  it('passes every content check', () => {
    expect(problems).toEqual([]);
  });

  it.each(fullyTranslated)('%s exists in every locale', (id) => {
    expect(Object.keys(catalog.entries[id] ?? {}).sort()).toEqual([...locales].sort());
  });

  it('quotes the product error strings exactly, as users paste them', () => {
    expect(catalog.entries.WBX89094?.en?.errors).toContain('Your account is deactivated. Contact your system administrator');
    expect(catalog.entries.WBX89094?.sv?.errors).toContain('Ditt konto är inaktiverat. Kontakta din systemadministratör');
  });

  it('keeps the audiences the facts call for', () => {
    expect(catalog.entries.WBX89094?.en?.audience).toBe('host');
    expect(catalog.entries.nikzbgy?.en?.audience).toBe('admin');
    expect(catalog.entries.ktod8p?.en?.audience).toBe('admin');
  });

  it('has real slugs for Latin-script translations and English ones elsewhere', () => {
    expect(catalog.entries.nikzbgy?.cs?.slug).not.toBe(catalog.entries.nikzbgy?.en?.slug);
    expect(catalog.entries.nikzbgy?.ja?.slug).toBe(catalog.entries.nikzbgy?.en?.slug);
  });

  it('shows the fallback and outdated cases the product has today', () => {
    expect(resolveArticle(catalog, 'rc5t1h', 'ja')?.isFallback).toBe(true);
    expect(resolveArticle(catalog, 'WBX15', 'fr')?.isOutdated).toBe(true);
  });
});
