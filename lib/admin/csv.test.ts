import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks, with CRLF rows', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'two\nlines']])).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)']])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
  });

  it('keeps numbers, booleans, empty cells and non-Latin text as they are', () => {
    expect(toCsv([[-3, true, null, 'Váš účet', 'アカウント']])).toBe('-3,true,,Váš účet,アカウント\r\n');
  });
});
