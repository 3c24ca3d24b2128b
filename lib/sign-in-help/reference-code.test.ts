import { describe, expect, it } from 'vitest';
import { generateReferenceCode, parseReferenceCode } from './reference-code';

describe('reference codes', () => {
  it('are eight characters of Crockford base 32 after SP-', () => {
    const codes = new Set(Array.from({ length: 500 }, generateReferenceCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^SP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it.each([
    ['SP-7K3M-Q9TX', 'SP-7K3M-Q9TX'],
    ['sp-7k3m-q9tx', 'SP-7K3M-Q9TX'],
    ['7K3M Q9TX', 'SP-7K3M-Q9TX'],
    ['SP7K3MQ9TX', 'SP-7K3M-Q9TX'],
    ['SP-7K3M-Q9TO', 'SP-7K3M-Q9T0'],
    ['sp-ilk3-q9tx', 'SP-11K3-Q9TX'],
  ])('reads %s as %s', (input, code) => {
    expect(parseReferenceCode(input)).toBe(code);
  });

  it.each([['SP-7K3M-Q9T'], ['SP-7K3M-Q9TXX'], ['SP-7K3M-Q9TU'], ['<script>'], [''], [null], ['x'.repeat(100)]])(
    'rejects %j',
    (input) => {
      expect(parseReferenceCode(input)).toBeUndefined();
    },
  );
});
