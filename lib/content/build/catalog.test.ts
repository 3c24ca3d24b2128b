import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildCatalog, buildRouteTable, type SourceFile } from './catalog';
import { resolveArticle } from '../resolve';

type Meta = Record<string, unknown>;

function file(folder: string, locale: string, meta: Meta, body = 'Body text.'): SourceFile {
  return {
    path: `content/articles/${folder}/${locale}.mdx`,
    folder,
    fileLocale: locale,
    source: `---\n${stringify(meta)}---\n\n${body}\n`,
  };
}

const base = {
  title: 'Reset a forgotten password',
  summary: 'How to reset it.',
  audience: 'host',
  tags: ['password'],
  updated: '2026-11-02',
};
const en = (id: string, extra: Meta = {}, body?: string) => file(id, 'en', { id, ...base, revision: 1, ...extra }, body);
const tr = (id: string, locale: string, extra: Meta = {}, body?: string) =>
  file(id, locale, { id, ...base, translatedFrom: 1, ...extra }, body);

const messages = (files: SourceFile[]) => buildCatalog(files).problems.map((p) => `${p.file}: ${p.message}`);

describe('buildCatalog', () => {
  it('accepts a valid article with translations and derives slugs', () => {
    const { catalog, problems } = buildCatalog([
      en('pw7r2k'),
      tr('pw7r2k', 'sv', { title: 'Återställ ett glömt lösenord' }),
      tr('pw7r2k', 'ja', { title: 'パスワードを再設定する' }),
    ]);
    expect(problems).toEqual([]);
    expect(catalog.ids).toEqual(['pw7r2k']);
    expect(catalog.entries.pw7r2k?.sv?.slug).toBe('aterstall-ett-glomt-losenord');
    expect(catalog.entries.pw7r2k?.ja?.slug).toBe('reset-a-forgotten-password');
    expect(buildRouteTable(catalog).pw7r2k).toMatchObject({
      slugs: {
        en: 'reset-a-forgotten-password',
        sv: 'aterstall-ett-glomt-losenord',
        fr: 'reset-a-forgotten-password',
      },
    });
  });

  it('reports invalid metadata field by field', () => {
    const problems = messages([
      file('bad1', 'en', { id: 'bad1', title: '', summary: 'x', audience: 'everyone', tags: [], updated: '2026-02-30', revision: 1 }),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('metadata title: must not be empty'),
        expect.stringContaining('metadata audience'),
        expect.stringContaining('metadata tags: needs at least one tag'),
        expect.stringContaining('metadata updated: must be a real calendar date'),
      ]),
    );
  });

  it('rejects unknown fields, so a typo in a field name is not silently ignored', () => {
    expect(messages([en('abc123', { erorrs: ['x'] })])).toEqual([expect.stringContaining('erorrs')]);
  });

  it('reports an ID that does not match its folder', () => {
    expect(messages([file('abc123', 'en', { id: 'xyz789', ...base, revision: 1 })])).toContainEqual(
      expect.stringContaining('does not match its folder'),
    );
  });

  it('reports duplicate IDs, whatever their letter case', () => {
    const problems = messages([en('WBX15'), file('wbx15', 'en', { id: 'wbx15', ...base, revision: 1 })]);
    expect(problems).toContainEqual(expect.stringContaining('duplicate article ID'));
  });

  it('reports an article with no English version', () => {
    expect(messages([tr('abc123', 'sv')])).toContainEqual(expect.stringContaining('has no English version'));
  });

  it('reports a locale we do not ship', () => {
    expect(messages([en('abc123'), tr('abc123', 'es')])).toContainEqual(expect.stringContaining('"es" is not a locale'));
  });

  it('enforces revision on the source and translatedFrom on translations', () => {
    const problems = messages([
      file('abc123', 'en', { id: 'abc123', ...base }),
      file('abc123', 'sv', { id: 'abc123', ...base }),
      file('def456', 'en', { id: 'def456', ...base, revision: 1 }),
      file('def456', 'de', { id: 'def456', ...base, translatedFrom: 3 }),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('English articles need a "revision"'),
        expect.stringContaining('translations need "translatedFrom"'),
        expect.stringContaining('newer than the English revision 1'),
      ]),
    );
  });

  it('reports links to unknown IDs, in related and in the body, and wrong letter case', () => {
    const problems = messages([
      en('abc123', { related: ['nope99', 'DEF456'] }, 'See <ArticleLink id="ghost1" />.'),
      en('def456'),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown article ID "nope99"'),
        expect.stringContaining('unknown article ID "ghost1"'),
        expect.stringContaining('write the ID as "def456"'),
      ]),
    );
  });

  it('sends old IDs (aliases) to their article in the route table, in any letter case', () => {
    const { catalog, problems } = buildCatalog([en('abc123', { aliases: ['OLD777', 'old888'] }), en('def456')]);
    expect(problems).toEqual([]);
    expect(catalog.aliases).toEqual({ old777: 'abc123', old888: 'abc123' });
    const table = buildRouteTable(catalog);
    expect(table.old777).toEqual(table.abc123);
    expect(table.old777).toMatchObject({ id: 'abc123' });
  });

  it('refuses an alias that collides with a live ID, a retired ID or another alias', () => {
    const problems = messages([
      en('abc123', { aliases: ['DEF456', 'gone99', 'old777'] }),
      en('def456', { aliases: ['OLD777', 'old888', 'OLD888'] }),
      en('gone99', { retired: true }),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/abc123\/en\.mdx: alias "DEF456" is the ID of an existing article/),
      expect.stringMatching(/abc123\/en\.mdx: alias "gone99" is the ID of an existing article/),
      expect.stringMatching(/def456\/en\.mdx: alias "OLD777" is already an alias of abc123/),
      expect.stringMatching(/def456\/en\.mdx: alias "OLD888" is listed twice/),
    ]);
  });

  it('keeps aliases and retirement in the English file, and a retired article without aliases', () => {
    expect(messages([en('abc123'), tr('abc123', 'sv', { aliases: ['old777'] })])).toContainEqual(
      expect.stringContaining('set them in en.mdx only'),
    );
    expect(messages([en('abc123', { retired: true, aliases: ['old777'] })])).toContainEqual(
      expect.stringContaining('a retired article has no successor'),
    );
  });

  it('takes a retired article out of the catalog, keeping its titles for the 410 page', () => {
    const { catalog, problems } = buildCatalog([
      en('abc123'),
      en('gone99', { retired: true, title: 'Old desktop app' }),
      tr('gone99', 'sv', { title: 'Gammal skrivbordsapp' }),
    ]);
    expect(problems).toEqual([]);
    expect(catalog.ids).toEqual(['abc123']);
    expect(catalog.entries.gone99).toBeUndefined();
    expect(catalog.retired).toEqual({ gone99: { titles: { en: 'Old desktop app', sv: 'Gammal skrivbordsapp' } } });
    expect(buildRouteTable(catalog).gone99).toEqual({ id: 'gone99', gone: true });
    // Live articles may not link to it, nor to an old ID.
    expect(messages([en('gone99', { retired: true }), en('abc123', { related: ['gone99'] })])).toContainEqual(
      expect.stringContaining('links to the retired article "gone99"'),
    );
    expect(messages([en('abc123', { aliases: ['old777'] }), en('def456', { related: ['old777'] })])).toContainEqual(
      expect.stringContaining('"old777" is an old ID of abc123'),
    );
  });

  it('reports a translation whose audience differs from the source', () => {
    expect(messages([en('abc123'), tr('abc123', 'cs', { audience: 'admin' })])).toContainEqual(
      expect.stringContaining('differs from the English'),
    );
  });

  it('fills article links in the text with the linked title in the same locale', () => {
    const { catalog } = buildCatalog([
      en('abc123', {}, 'See <ArticleLink id="def456" />.'),
      tr('abc123', 'sv', {}, 'Se <ArticleLink id="def456" />.'),
      en('def456', { title: 'Contact your administrator' }),
      tr('def456', 'sv', { title: 'Kontakta din administratör' }),
    ]);
    expect(catalog.entries.abc123?.en?.text).toBe('See Contact your administrator.');
    expect(catalog.entries.abc123?.sv?.text).toBe('Se Kontakta din administratör.');
  });
});

describe('resolveArticle', () => {
  const { catalog } = buildCatalog([
    en('abc123', { revision: 2 }),
    tr('abc123', 'sv', { title: 'Återställ lösenord', translatedFrom: 2 }),
    tr('abc123', 'fr', { title: 'Réinitialiser le mot de passe', translatedFrom: 1 }),
  ]);

  it('serves a current translation', () => {
    const article = resolveArticle(catalog, 'abc123', 'sv')!;
    expect(article).toMatchObject({ isFallback: false, isOutdated: false, path: '/sv/article/abc123/aterstall-losenord' });
    expect(article.translatedLocales).toEqual(['en', 'sv', 'fr']);
  });

  it('flags a translation made from an older revision', () => {
    expect(resolveArticle(catalog, 'abc123', 'fr')).toMatchObject({ isFallback: false, isOutdated: true });
  });

  it('falls back to English inside the requested locale', () => {
    const article = resolveArticle(catalog, 'abc123', 'ja')!;
    expect(article).toMatchObject({ isFallback: true, isOutdated: false, path: '/ja/article/abc123/reset-a-forgotten-password' });
    expect(article.entry.locale).toBe('en');
  });

  it('returns undefined for an unknown ID', () => {
    expect(resolveArticle(catalog, 'zzz999', 'en')).toBeUndefined();
  });
});
