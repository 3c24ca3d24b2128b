import { describe, expect, it } from 'vitest';
import { splitPhrases } from './phrases';

describe('splitPhrases', () => {
  it.each([
    ['アカウントが無効化されています', ['アカウントが', '無効化されています']],
    ['サイト管理者に連絡するには', ['サイト管理者に', '連絡するには']],
    ['お使いのアカウントは無効化されています', ['お使いの', 'アカウントは', '無効化されています']],
    ['システム管理者に連絡してください', ['システム管理者に', '連絡して', 'ください']],
    [
      '「アカウントが無効化されています。システム管理者にお問い合わせください」というエラーが表示される',
      ['「アカウントが', '無効化されています。', 'システム管理者に', 'お問い合わせ', 'ください」という', 'エラーが', '表示される'],
    ],
  ])('splits %s between phrases, never inside a word', (text, phrases) => {
    expect(splitPhrases(text)).toEqual(phrases);
    expect(splitPhrases(text).join('')).toBe(text);
  });

  it('never breaks inside a code or an ID', () => {
    const phrases = splitPhrases('参照コード SP-7K3M-Q9TX とは');
    expect(phrases.join('')).toBe('参照コード SP-7K3M-Q9TX とは');
    expect(phrases.some((p) => p.includes('SP-7K3M-Q9TX'))).toBe(true);
    expect(splitPhrases('記事 WBX75907 を開く').some((p) => p.includes('WBX75907'))).toBe(true);
  });

  it('leaves text without Japanese as it is', () => {
    expect(splitPhrases('Your account is deactivated')).toEqual(['Your account is deactivated']);
    expect(splitPhrases('حسابك معطل')).toEqual(['حسابك معطل']);
  });
});
