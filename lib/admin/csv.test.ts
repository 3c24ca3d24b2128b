import { describe, expect, it } from 'vitest';
import { toCsv, usersCsv } from './csv';

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

describe('usersCsv', () => {
  it('writes one row per user with UTC times, and neutralizes a display name that starts a formula', () => {
    const csv = usersCsv([
      {
        email: 'a@example.com',
        displayName: '=cmd|"/c calc"!A1',
        status: 'inactive',
        licenses: ['Meetings', 'Webinars'],
        isSiteAdmin: false,
        isDirectorySynced: true,
        lastSignInAt: null,
        deactivatedAt: new Date('2026-12-01T08:30:00Z'),
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'email,display_name,status,licenses,site_admin,directory_synced,last_sign_in_utc,deactivated_on_utc',
      `a@example.com,"'=cmd|""/c calc""!A1",inactive,Meetings; Webinars,false,true,,2026-12-01T08:30:00.000Z`,
      '',
    ]);
  });
});
