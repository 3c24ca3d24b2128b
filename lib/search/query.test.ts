import { describe, expect, it } from 'vitest';
import { maxQueryLength, parseResultLimit, parseSearchQuery } from './query';
import { Vocabulary } from './vocabulary';

describe('parseSearchQuery', () => {
  it('trims and collapses whitespace', () => {
    expect(parseSearchQuery('  Your\taccount \n is  deactivated ')).toEqual({ kind: 'ok', query: 'Your account is deactivated' });
  });

  it.each([[''], ['   \t\n'], [null], [undefined], ['\u0000\u0007'], ['\uFFFD\u200B']])('treats %j as empty', (raw) => {
    expect(parseSearchQuery(raw)).toEqual({ kind: 'empty' });
  });

  it('removes control characters, invisible format characters and lone surrogates', () => {
    expect(parseSearchQuery('wbx\u0000759\u200B07\uD800')).toEqual({ kind: 'ok', query: 'wbx 75907' });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSearchQuery(['first', 'second'])).toEqual({ kind: 'ok', query: 'first' });
  });

  it('rejects a query longer than the limit, counting characters not UTF-16 units', () => {
    expect(parseSearchQuery('a'.repeat(maxQueryLength))).toMatchObject({ kind: 'ok' });
    expect(parseSearchQuery('a'.repeat(maxQueryLength + 1))).toEqual({ kind: 'too-long', max: maxQueryLength });
    expect(parseSearchQuery('𝒜'.repeat(maxQueryLength))).toMatchObject({ kind: 'ok' });
    expect(parseSearchQuery('x'.repeat(10_000))).toEqual({ kind: 'too-long', max: maxQueryLength });
  });

  it('keeps markup as text (rendering escapes it)', () => {
    expect(parseSearchQuery('<script>alert(1)</script>')).toEqual({ kind: 'ok', query: '<script>alert(1)</script>' });
  });
});

describe('parseResultLimit', () => {
  it.each([
    [null, { kind: 'ok', limit: 10 }],
    ['5', { kind: 'ok', limit: 5 }],
    ['50', { kind: 'ok', limit: 50 }],
    ['51', { kind: 'invalid' }],
    ['0', { kind: 'invalid' }],
    ['-1', { kind: 'invalid' }],
    ['2.5', { kind: 'invalid' }],
    ['1e3', { kind: 'invalid' }],
    ['99999999999', { kind: 'invalid' }],
  ])('%j → %j', (raw, expected) => {
    expect(parseResultLimit(raw)).toEqual(expected);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary([
    ['deactivated', 12],
    ['deactivate', 3],
    ['administrator', 9],
    ['account', 20],
    ['neaktivni', 4],
  ]);

  it('checks prefixes', () => {
    expect(vocabulary.hasPrefix('deac')).toBe(true);
    expect(vocabulary.hasPrefix('deactivated')).toBe(true);
    expect(vocabulary.hasPrefix('deactivatedx')).toBe(false);
    expect(vocabulary.hasPrefix('zzz')).toBe(false);
  });

  it.each([
    ['deactivted', 'deactivated'],
    ['deactivatd', 'deactivated'],
    ['deaktivated', 'deactivated'],
    ['deacitvated', 'deactivated'],
    ['adminsitrator', 'administrator'],
    ['accountt', 'account'],
    ['neaktivnii', 'neaktivni'],
  ])('corrects %s to %s', (typo, word) => {
    expect(vocabulary.correct(typo)).toBe(word);
  });

  it('prefers the more frequent of two candidates, and gives up beyond one edit', () => {
    expect(vocabulary.correct('deactivatex')).toBe('deactivated');
    expect(vocabulary.correct('dectivted')).toBeUndefined();
  });
});

describe('Vocabulary.completions', () => {
  const vocabulary = new Vocabulary([
    ['deactivated', 12],
    ['deactivate', 3],
    ['deal', 7],
    ['無効', 9],
    ['無料', 2],
  ]);

  it('lists the most frequent words with a prefix', () => {
    expect(vocabulary.completions('dea', 2)).toEqual(['deactivated', 'deal']);
    expect(vocabulary.completions('無', 5)).toEqual(['無効', '無料']);
    expect(vocabulary.completions('zz', 5)).toEqual([]);
  });
});
