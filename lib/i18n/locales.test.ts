import { describe, expect, it } from 'vitest';
import { getLocaleFromRegionCode, getTextAttributes } from './locales';

describe('getTextAttributes', () => {
  it('marks text in another language with its lang and direction, so it is isolated', () => {
    expect(getTextAttributes('en', 'ar')).toEqual({ lang: 'en', dir: 'ltr' });
    expect(getTextAttributes('ar', 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(getTextAttributes('en', 'ja')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('adds nothing to text in the page\'s own language', () => {
    expect(getTextAttributes('ar', 'ar')).toEqual({});
    expect(getTextAttributes('sv', 'sv')).toEqual({});
  });
});

describe('getLocaleFromRegionCode', () => {
  it.each([
    ['sv-se', 'sv'],
    ['cs_CZ', 'cs'],
    ['EN-us', 'en'],
    ['es-ES', undefined],
    ['sv', undefined],
  ])('reads %s as %s', (code, locale) => {
    expect(getLocaleFromRegionCode(code)).toBe(locale);
  });
});
