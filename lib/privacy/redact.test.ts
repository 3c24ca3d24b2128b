import { describe, expect, it } from 'vitest';
import { redactPersonalData, toRecordedQuery } from './redact';

describe('redactPersonalData', () => {
  it.each([
    ['my account anna.svensson@acme.se is deactivated', 'my account [email] is deactivated'],
    ['write to <jan.novak@firma.cz>, please', 'write to [email] please'],
    ['call +46 70 123 45 67 now', 'call [number] now'],
    ['customer 1234567', 'customer [number]'],
    ['card 4111-1111-1111-1111', 'card [number]'],
    ['link https://acme.example/reset-password/eyJ1Ijo3fQ.abc?x=1 broken', 'link [link] broken'],
    ['token eyJ1Ijo3LCJwIjoicmVzZXQtcGFzc3dvcmQi failed', 'token [code] failed'],
  ])('%s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('keeps what the report is for: words, article IDs, short numbers, error messages', () => {
    for (const text of [
      'Your account is deactivated. Contact your system administrator',
      'wbx75907',
      'WBX15 ktod8p',
      'error 403',
      'Váš účet byl deaktivován',
      'アカウントが無効化されています',
      'حسابك معطل',
      'deactivated-account-after-thirty-days',
    ]) {
      expect(redactPersonalData(text)).toBe(text);
    }
  });
});

describe('toRecordedQuery', () => {
  it('redacts, collapses whitespace and folds case for the locale', () => {
    expect(toRecordedQuery('  Konto   IST  gesperrt  für max@firma.de ', 'de')).toBe('konto ist gesperrt für [email]');
    expect(toRecordedQuery('İSTANBUL', 'tr')).toBe('istanbul');
  });

  it('keeps nothing when nothing but personal data or punctuation was typed', () => {
    expect(toRecordedQuery('anna@acme.se', 'sv')).toBeUndefined();
    expect(toRecordedQuery('+420 777 123 456', 'cs')).toBeUndefined();
    expect(toRecordedQuery(' ?!… ', 'fr')).toBeUndefined();
  });

  it('stores at most 100 characters, never splitting a character', () => {
    const recorded = toRecordedQuery('ä'.repeat(150), 'sv')!;
    expect([...recorded]).toHaveLength(100);
    expect(toRecordedQuery('😀'.repeat(120), 'en')).toBeUndefined();
  });
});
