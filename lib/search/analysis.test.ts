import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { Analyzer } from './analysis';
import { readSearchConfig } from './read-config';

const analyzers = new Map<Locale, Analyzer>();
function analyzer(locale: Locale): Analyzer {
  let found = analyzers.get(locale);
  if (!found) {
    found = new Analyzer(readSearchConfig(locale));
    analyzers.set(locale, found);
  }
  return found;
}
const terms = (locale: Locale, text: string) => analyzer(locale).indexTerms(text).map(([term]) => term);
const slotWords = (locale: Locale, query: string) => analyzer(locale).analyzeQuery(query).map((slot) => slot.word);

describe('stop words', () => {
  it.each([
    ['en', 'the account is not active', ['account', 'activ']],
    ['sv', 'mitt konto är inte aktivt', ['konto', 'aktivt']],
    ['cs', 'můj účet je na webu', ['ucet', 'web']],
    ['de', 'ich kann mich nicht anmelden', ['anmeld']],
    ['fr', "je n'ai pas de compte", ['compt']],
    ['ja', 'アカウントが無効になった', ['アカウント', '無効']],
    ['ar', 'لا أستطيع الدخول إلى حسابي', ['دخول', 'حساب']],
  ] as const)('in %s, function words of "%s" are not indexed', (locale, text, expected) => {
    expect(terms(locale, text)).toEqual(expected);
  });

  it('leave a query of function words only with nothing to match', () => {
    expect(analyzer('en').analyzeQuery('is it the')).toEqual([]);
    expect(analyzer('sv').analyzeQuery('det är inte')).toEqual([]);
  });
});

describe('stemming (Snowball)', () => {
  it.each([
    ['en', 'deactivated', 'deactivation'],
    ['sv', 'användaren', 'användare'],
    ['cs', 'uživatelé', 'uživatelů'],
    ['de', 'Benutzer', 'Benutzern'],
    ['fr', 'désactivé', 'désactivée'],
    ['ar', 'حسابي', 'حسابك'],
  ] as const)('in %s, "%s" and "%s" share a stem', (locale, a, b) => {
    expect(terms(locale, a)).toEqual(terms(locale, b));
    expect(terms(locale, a)).toHaveLength(1);
  });

  it('stems accented and unaccented spellings alike (folded first)', () => {
    expect(terms('cs', 'zapomenuté heslo')).toEqual(terms('cs', 'zapomenute heslo'));
    expect(terms('de', 'Passwort zurücksetzen')).toEqual(terms('de', 'passwort zurucksetzen'));
  });

  it('keeps a word the stemmer would cut to nothing', () => {
    expect(terms('cs', 'e-mail')).toEqual(['e', 'mail']);
  });

  it('leaves Japanese words whole', () => {
    expect(terms('ja', 'パスワード')).toEqual(['パスワード']);
  });
});

describe('Japanese segmentation (Intl.Segmenter)', () => {
  it('splits text without spaces into words, not two-character pieces', () => {
    expect(terms('ja', 'パスワードを再設定する')).toEqual(['パスワード', '再', '設定']);
  });

  it('folds half-width katakana before segmenting', () => {
    expect(terms('ja', 'ﾊﾟｽﾜｰﾄﾞ')).toEqual(['パスワード']);
  });

  it('finds the same words cutting text at spaces and sentence marks first', () => {
    const text = 'アカウントが無効化されています。システム管理者にお問い合わせください！\n「パスワード」を再設定する（e-mailで）? Wi-Fiと3.14、ユーザー名:admin';
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    const whole = [...segmenter.segment(text.normalize('NFKC').toLowerCase())]
      .filter((segment) => segment.isWordLike)
      .flatMap((segment) => segment.segment.match(/[\p{L}\p{N}\p{M}ー々]+/gu) ?? []);
    expect(analyzer('ja').words(text)).toEqual(whole);
    // Twice: the second answer comes from the pieces remembered.
    expect(analyzer('ja').words(text)).toEqual(whole);
  });
});

describe('synonyms from content/search', () => {
  it('joins a phrase into one slot with its synonyms as alternatives', () => {
    const [slot] = analyzer('en').analyzeQuery('log in');
    expect(slot?.word).toBe('log in');
    expect(slot?.alternatives.map((a) => a.terms.join(' '))).toContain('sign');
  });

  it('offers the other words of a group', () => {
    const [slot] = analyzer('de').analyzeQuery('gesperrt');
    expect(slot?.alternatives.map((a) => a.terms.join(' '))).toContain(terms('de', 'deaktiviert')[0]);
  });

  it('keeps words outside any group as they are', () => {
    expect(slotWords('en', 'zebra password')).toEqual(['zebra', 'password']);
  });
});

describe('intents', () => {
  it.each([
    ['en', 'how to reactivate a user', true],
    ['en', 'my account was deactivated', false],
    ['sv', 'inaktiv användare tar upp en licens', true],
    ['de', 'mein Konto ist gesperrt', false],
    ['ja', 'ユーザーを再有効化する方法', true],
  ] as const)('in %s, "%s" is an administrator question: %s', (locale, query, expected) => {
    expect(analyzer(locale).isAdminQuestion(query)).toBe(expected);
  });

  it.each([
    ['en', "can't sign in", true],
    ['cs', 'nemohu se prihlasit', true],
    ['fr', 'je ne peux pas me connecter', true],
    ['ar', 'لا أستطيع تسجيل الدخول', true],
    ['ja', 'ログインできません', true],
    ['en', 'customer success manager', false],
  ] as const)('in %s, "%s" is a sign-in question: %s', (locale, query, expected) => {
    expect(analyzer(locale).isSignInQuestion(query)).toBe(expected);
  });
});
