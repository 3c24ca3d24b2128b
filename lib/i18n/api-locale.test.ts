import { describe, expect, it } from 'vitest';
import { getMessageLocale, parseApiLocale } from './api-locale';

describe('parseApiLocale', () => {
  it.each([
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['sv-se', 'sv'],
    ['cs_CZ', 'cs'],
    ['en-US', 'en'],
    ['ar-EG', 'ar'],
    ['zh-CN', undefined],
    ['xx', undefined],
    ['', undefined],
    ['sv-SE-extra', undefined],
  ])('reads %s as %s', (value, expected) => {
    expect(parseApiLocale(value)).toBe(expected);
  });

  it('writes messages in a region-coded locale, or the Accept-Language one otherwise', () => {
    const request = new Request('http://localhost/api', { headers: { 'Accept-Language': 'de' } });
    expect(getMessageLocale(request, 'ja-JP')).toBe('ja');
    expect(getMessageLocale(request, 'xx-YY')).toBe('de');
    expect(getMessageLocale(request, null)).toBe('de');
  });
});
