import { describe, expect, it } from 'vitest';
import { getDirection, getLocaleFromRegionCode } from './locales';
import { negotiateLocale, parseAcceptLanguage } from './negotiate';

describe('parseAcceptLanguage', () => {
  it('orders by quality, then by position', () => {
    expect(parseAcceptLanguage('de;q=0.5, sv-SE, en;q=0.8, cs;q=0.8')).toEqual(['sv-se', 'en', 'cs', 'de']);
  });
  it('drops q=0 and malformed parts', () => {
    expect(parseAcceptLanguage('fr;q=0, <script>, ja;q=abc, ar')).toEqual(['ja', 'ar']);
  });
  it('copes with empty and absent headers', () => {
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it('prefers a valid NEXT_LOCALE cookie over Accept-Language', () => {
    expect(negotiateLocale({ cookie: 'cs', acceptLanguage: 'sv-SE,sv' })).toBe('cs');
  });
  it('ignores a cookie naming a locale we do not ship', () => {
    expect(negotiateLocale({ cookie: 'es', acceptLanguage: 'ja-JP' })).toBe('ja');
  });
  it('matches a regional tag by language', () => {
    expect(negotiateLocale({ acceptLanguage: 'sv-SE,sv;q=0.9,en;q=0.5' })).toBe('sv');
    expect(negotiateLocale({ acceptLanguage: 'ar-EG' })).toBe('ar');
  });
  it('skips languages we do not ship, in preference order', () => {
    expect(negotiateLocale({ acceptLanguage: 'es-ES,pt;q=0.9,de;q=0.7,fr;q=0.8' })).toBe('fr');
  });
  it('falls back to English', () => {
    expect(negotiateLocale({ acceptLanguage: 'es, pt' })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });
});

describe('locale helpers', () => {
  it('maps region-style codes to our locales', () => {
    expect(getLocaleFromRegionCode('sv-se')).toBe('sv');
    expect(getLocaleFromRegionCode('cs-CZ')).toBe('cs');
    expect(getLocaleFromRegionCode('en_us')).toBe('en');
    expect(getLocaleFromRegionCode('es-es')).toBeUndefined();
    expect(getLocaleFromRegionCode('sv')).toBeUndefined();
  });
  it('writes Arabic right to left and the others left to right', () => {
    expect(getDirection('ar')).toBe('rtl');
    expect(getDirection('ja')).toBe('ltr');
  });
});
