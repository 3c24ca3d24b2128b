import { describe, expect, it } from 'vitest';
import { encodeText, foldText } from './normalize';

describe('foldText', () => {
  it.each([
    ['Neaktivní', 'neaktivni'],
    ['Ditt konto är inaktiverat', 'ditt konto ar inaktiverat'],
    ['Überprüfen Sie die Straße', 'uberprufen sie die strasse'],
    ['Désactivé, réactiver', 'desactive, reactiver'],
    ['Účet byl deaktivován', 'ucet byl deaktivovan'],
    ['ＷＢＸ７５９０７', 'wbx75907'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps Japanese voicing marks and folds half-width katakana', () => {
    expect(foldText('ガイド')).toBe('ガイド');
    expect(foldText('ｱｶｳﾝﾄ')).toBe('アカウント');
  });

  it('drops Arabic short vowels and tatweel and unifies alef, ya and ta marbuta', () => {
    expect(foldText('تَمَّ تـعطيل حسابِك')).toBe('تم تعطيل حسابك');
    expect(foldText('إعادة')).toBe(foldText('اعاده'));
    expect(foldText('مستوى')).toBe('مستوي');
  });
});

describe('encodeText', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(encodeText('Your account is deactivated. Contact your system administrator')).toEqual([
      'your', 'account', 'is', 'deactivated', 'contact', 'your', 'system', 'administrator',
    ]);
    expect(encodeText('e-mail: a.b@c.d — (x)')).toEqual(['e', 'mail', 'a', 'b', 'c', 'd', 'x']);
  });

  it('indexes Japanese without spaces as bigrams, and Latin words inside it as words', () => {
    expect(encodeText('アカウントが無効')).toEqual(['アカ', 'カウ', 'ウン', 'ント', 'トが', 'が無', '無効']);
    expect(encodeText('Active Directoryから同期')).toEqual(['active', 'directory', 'から', 'ら同', '同期']);
    expect(encodeText('無')).toEqual(['無']);
  });

  it('tokenizes Arabic words', () => {
    expect(encodeText('تم تعطيل حسابك.')).toEqual(['تم', 'تعطيل', 'حسابك']);
  });
});
