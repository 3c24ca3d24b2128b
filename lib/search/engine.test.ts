import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/content/build/catalog';
import { readArticleSources } from '@/lib/content/build/read-sources';
import type { Locale } from '@/lib/i18n/locales';
import { buildSearchDocuments } from './documents';
import { SearchEngine } from './engine';
import { readSearchConfig } from './read-config';

// The real articles: the rules are checked against what users will actually search.
const { catalog } = buildCatalog(readArticleSources());
const engines = new Map<Locale, SearchEngine>();
function engine(locale: Locale): SearchEngine {
  let found = engines.get(locale);
  if (!found) {
    // Round-trip through serialization: the server loads what the build wrote.
    found = SearchEngine.deserialize(JSON.parse(JSON.stringify(SearchEngine.build(buildSearchDocuments(catalog, locale), readSearchConfig(locale)).serialize())));
    engines.set(locale, found);
  }
  return found;
}
const top = (locale: Locale, query: string) => engine(locale).search(query, 5)[0];
const ids = (locale: Locale, query: string, limit = 10) => engine(locale).search(query, limit).map((hit) => hit.id);

describe('article IDs', () => {
  it.each([
    ['en', 'WBX75907'],
    ['en', 'wbx75907'],
    ['sv', 'Wbx75907'],
    ['cs', 'WBX 75907'],
    ['ja', 'ｗｂｘ７５９０７'],
    ['ar', 'KTOD8P'],
    ['de', 'siehe nikzbgy bitte'],
  ] as const)('in %s, %s puts its article first', (locale, query) => {
    const hit = top(locale, query);
    expect(hit?.matchedBy).toBe('id');
    const lower = query.toLowerCase();
    expect(hit?.id.toLowerCase()).toBe(lower.includes('ktod') ? 'ktod8p' : lower.includes('nikz') ? 'nikzbgy' : 'wbx75907');
  });

  it.each(['en', 'sv', 'ja', 'ar'] as const)('in %s, an old ID (alias) finds and opens the article that replaced it', (locale) => {
    expect(top(locale, 'WBX30127')).toMatchObject({ id: 'pw7r2k', matchedBy: 'id' });
    expect(top(locale, 'see wbx 30127')).toMatchObject({ id: 'pw7r2k', matchedBy: 'id' });
    expect(engine(locale).directArticle('wbx30127')).toBe('pw7r2k');
  });

  it('never finds a retired article, by ID or by words', () => {
    expect(engine('en').directArticle('WBX52210')).toBeUndefined();
    expect(ids('en', 'classic desktop app password')).not.toContain('WBX52210');
  });

  it('finds an ID by its prefix while typing', () => {
    expect(ids('en', 'WBX759')).toContain('WBX75907');
  });
});

describe('pasted error messages', () => {
  it.each([
    ['en', 'Your account is deactivated. Contact your system administrator'],
    ['en', 'your account is deactivated contact your system administrator'],
    ['en', 'Error: "Your account is deactivated. Contact your system administrator."'],
    ['sv', 'Ditt konto är inaktiverat. Kontakta din systemadministratör'],
    ['sv', 'ditt konto ar inaktiverat kontakta din systemadministrator'],
    ['cs', 'Váš účet byl deaktivován. Obraťte se na správce systému'],
    ['de', 'Ihr Konto ist deaktiviert. Wenden Sie sich an Ihren Systemadministrator'],
    ['ja', 'アカウントが無効化されています。システム管理者にお問い合わせください'],
    ['ar', 'تم تعطيل حسابك. اتصل بمسؤول النظام لديك'],
    // The Swedish message pasted on the English site still finds the article.
    ['en', 'Ditt konto är inaktiverat. Kontakta din systemadministratör'],
    ['fr', 'Your account is deactivated'],
  ] as const)('in %s, "%s" puts WBX89094 first', (locale, query) => {
    expect(top(locale, query)).toMatchObject({ id: 'WBX89094', matchedBy: 'error' });
  });
});

describe('matching', () => {
  it('ignores accents and case', () => {
    expect(ids('cs', 'neaktivni ucet')).toContain('nikzbgy');
    expect(ids('cs', 'NEAKTIVNÍ')).toContain('nikzbgy');
    expect(ids('sv', 'anvandarstatus')[0]).toBe('nikzbgy');
    expect(ids('de', 'uberprufen')).toEqual(ids('de', 'überprüfen'));
  });

  it('matches prefixes as you type', () => {
    expect(ids('en', 'deactiv')[0]).toBe('WBX89094');
    expect(ids('sv', 'återaktiv')).toContain('WBX89094');
    expect(ids('de', 'Passw')).toContain('pw7r2k');
  });

  it('tolerates one typo in words of five letters or more', () => {
    expect(ids('en', 'deactivted')[0]).toBe('WBX89094');
    expect(ids('en', 'verificaton email')[0]).toBe('vf3m9q');
    expect(ids('sv', 'inaktivreat')).toContain('WBX89094');
    expect(ids('de', 'Paswort')).toContain('pw7r2k');
  });

  it('does not invent matches for short words', () => {
    expect(ids('en', 'xq')).toEqual([]);
  });

  it('finds Japanese without spaces, from a part of a word', () => {
    expect(ids('ja', 'パスワード再設定')[0]).toBe('pw7r2k');
    expect(ids('ja', '無効化')).toContain('WBX89094');
    expect(ids('ja', 'カスタマーサクセス')[0]).toBe('WBX15');
  });

  it('finds Arabic typed without diacritics or with other alef forms', () => {
    expect(ids('ar', 'كلمة المرور')).toContain('pw7r2k');
    expect(ids('ar', 'اعادة تفعيل')).toContain('WBX89094');
  });

  it('ranks title matches above body matches', () => {
    // "password" is in pw7r2k's title and only in the bodies of others.
    expect(ids('en', 'password')[0]).toBe('pw7r2k');
    expect(ids('en', 'directory')[0]).toBe('ds8x4n');
    expect(ids('de', 'Kontaktdaten')[0]).toBe('ktod8p');
  });

  it('finds English articles standing in for a missing translation', () => {
    const hit = engine('ja').search('reference code', 5)[0];
    expect(hit).toMatchObject({ id: 'rc5t1h', locale: 'en', isFallback: true });
  });

  it('falls back to partial matches when no article has every word', () => {
    expect(ids('en', 'password zebra')).toContain('pw7r2k');
  });

  it('returns nothing for words no article has', () => {
    expect(ids('en', 'xylophone quantum')).toEqual([]);
  });
});

describe('results', () => {
  it('carry the title, ID, audience and a highlighted snippet', () => {
    const hit = engine('en').search('inactive 30 days', 3).find((h) => h.id === 'nikzbgy');
    expect(hit).toMatchObject({ title: 'User statuses and the actions that change them', audience: 'admin' });
    expect(hit!.snippet.some((segment) => segment.match && /inactive/i.test(segment.text))).toBe(true);
  });

  it('respect the limit', () => {
    expect(engine('en').search('account', 2)).toHaveLength(2);
  });

  it.each([
    ['en', 'account'],
    ['en', 'my account was deactivated'],
    ['sv', 'konto'],
    ['ja', 'アカウント'],
  ] as const)('in %s, the first few for "%s" are the first few of the whole ranking', (locale, query) => {
    const all = ids(locale, query, 50);
    expect(all.length).toBeGreaterThan(3);
    expect(ids(locale, query, 3)).toEqual(all.slice(0, 3));
    expect(ids(locale, query, 1)).toEqual(all.slice(0, 1));
  });

  it('treat markup in the query and in the text as text', () => {
    expect(() => engine('en').search('<script>alert(1)</script> deactivated', 5)).not.toThrow();
    // No article contains markup, so the snippet can only show it if the engine keeps the
    // article's own characters: one written about markup shows it verbatim, words marked.
    const markup = '<img src=x onerror=alert(1)>';
    const aboutMarkup = SearchEngine.build([
      {
        id: 'mk1',
        locale: 'en',
        isFallback: false,
        title: 'Pasted markup',
        summary: `Pasting ${markup} into a comment shows it as it is.`,
        audience: 'host',
        tags: [],
        headings: [],
        errors: [],
        text: `If you paste ${markup} into a comment, it is shown as it is and never run.`,
      },
    ], readSearchConfig('en'));
    const [hit] = aboutMarkup.search(markup, 5);
    expect(hit?.id).toBe('mk1');
    expect(hit!.snippet.map((s) => s.text).join('')).toContain(markup);
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(expect.arrayContaining(['img', 'onerror']));
  });
});

describe('synonym phrases', () => {
  const document = (id: string, title: string, text: string) => ({
    id,
    locale: 'en',
    isFallback: false,
    title,
    summary: '',
    audience: 'host' as const,
    tags: [],
    headings: [],
    errors: [],
    text,
  });
  // Round-tripped: the phrases are found at build time and must survive serialization.
  const phrases = SearchEngine.deserialize(
    JSON.parse(
      JSON.stringify(
        SearchEngine.build(
          [
            document('hd1', 'Opening hours', 'Ask the help desk about it.'),
            document('hd2', 'Desk booking', 'Need help with rooms?'),
            document('hd3', 'Our service desk', 'It answers within a day.'),
            document('hd4', 'Rooms', 'Book a room for a meeting.'),
          ],
          readSearchConfig('en'),
        ).serialize(),
      ),
    ),
  );

  it('match where every word of one of them is in one field', () => {
    // "help desk" is a synonym of "service desk"; hd2 has "help" and "desk", but in different fields.
    expect(phrases.search('service desk', 10).map((hit) => hit.id).sort()).toEqual(['hd1', 'hd3']);
    expect(phrases.search('helpdesk', 10).map((hit) => hit.id).sort()).toEqual(['hd1', 'hd3']);
  });
});

describe('Japanese ranking', () => {
  it('leaves out articles sharing only a piece of the query', () => {
    expect(ids('ja', 'パスワード')).not.toContain('ds8x4n');
  });

  it('finds a pasted long message by a sample of its pieces', () => {
    const message = 'アカウントが無効化されています。システム管理者にお問い合わせください。サインインできません。';
    expect(ids('ja', message)[0]).toBe('WBX89094');
  });
});

describe('Japanese strict index', () => {
  it('completes a Latin prefix typed in Japanese', () => {
    expect(ids('ja', 'Direct')).toContain('ds8x4n');
  });

  it('finds a one-character query through the pieces it begins', () => {
    expect(ids('ja', '認').length).toBeGreaterThan(0);
  });
});

describe('audience', () => {
  it('puts host articles before administrator articles matching as much', () => {
    // "deactivated account" is in the admin article on user statuses too; the host's own article comes first.
    const hits = engine('en').search('my account was deactivated', 10);
    expect(hits[0]?.id).toBe('WBX89094');
    const firstAdmin = hits.findIndex((hit) => hit.audience === 'admin');
    expect(hits.slice(0, firstAdmin).every((hit) => hit.audience === 'host')).toBe(true);
  });

  it.each([
    ['en', 'how to reactivate a user', 'nikzbgy'],
    ['de', 'Lizenzen freigeben Benutzer', 'nikzbgy'],
    ['fr', 'réactiver un utilisateur', 'nikzbgy'],
    ['sv', 'publicera kontaktuppgifter för utelåsta användare', 'ktod8p'],
  ] as const)('lets an administrator task in %s ("%s") find its admin article first', (locale, query, id) => {
    expect(ids(locale, query)[0]).toBe(id);
  });

  it('puts administrator articles first when the reader asks for them', () => {
    const hits = engine('en').search('deactivated account', 10, { audience: 'admin' });
    expect(hits[0]?.audience).toBe('admin');
    expect(engine('en').search('deactivated account', 10)[0]?.audience).toBe('host');
  });
});

describe('minimum match', () => {
  it.each([
    ['en', 'my zoom meeting has no sound'],
    ['sv', 'mitt möte startar inte zoom'],
    ['cs', 'nefunguje mi kamera'],
    ['de', 'wie teile ich meinen Bildschirm'],
    ['fr', "l'imprimante n'a plus de papier"],
    ['ja', '会議の音が出ない'],
    ['ar', 'الكاميرا لا تعمل'],
  ] as const)('in %s, an off-topic question ("%s") finds nothing', (locale, query) => {
    expect(ids(locale, query)).toEqual([]);
  });

  it('needs most of the meaningful words, not one shared word', () => {
    expect(ids('en', 'meeting background change')).toEqual([]);
    expect(ids('en', 'deactivated account meeting')).toContain('WBX89094');
  });

  it('function words alone match nothing', () => {
    expect(ids('en', 'the is it')).toEqual([]);
    expect(ids('sv', 'inte det')).toEqual([]);
  });
});

describe('codes and exact IDs', () => {
  it.each(['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar'] as const)('in %s, a reference code leads to the article explaining codes', (locale) => {
    expect(top(locale, 'SP-7K3M-Q9TX')).toMatchObject({ id: 'rc5t1h', matchedBy: 'code' });
    expect(engine(locale).directArticle('sp 7k3m q9tx')).toBe('rc5t1h');
  });

  it('names the article of a query that is exactly its ID', () => {
    expect(engine('en').directArticle('WBX75907')).toBe('WBX75907');
    expect(engine('de').directArticle(' wbx 75907 ')).toBe('WBX75907');
    expect(engine('ja').directArticle('ｋｔｏｄ８ｐ')).toBe('ktod8p');
  });

  it('names no article for a question that merely contains an ID or a code', () => {
    expect(engine('en').directArticle('see WBX75907 please')).toBeUndefined();
    expect(engine('en').directArticle('my code SP-7K3M-Q9TX expired')).toBeUndefined();
    expect(engine('en').directArticle('deactivated')).toBeUndefined();
  });
});

describe('sign-in questions', () => {
  it.each([
    ['en', "can't sign in"],
    ['sv', 'kan inte logga in'],
    ['de', 'ich kann mich nicht anmelden'],
    ['ja', 'サインインできない'],
  ] as const)('in %s, "%s" is one', (locale, query) => {
    expect(engine(locale).isSignInQuestion(query)).toBe(true);
  });

  it('others are not', () => {
    expect(engine('en').isSignInQuestion('customer success manager')).toBe(false);
  });
});
