import { describe, expect, it } from 'vitest';
import { maxEmailLength, normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    ['Deactivated.Host@ACME.example', 'deactivated.host@acme.example'],
    ['  active.host@acme.example \t', 'active.host@acme.example'],
    ['user+tag@sub.acme.example', 'user+tag@sub.acme.example'],
    ['site.admin@acme.example.', 'site.admin@acme.example'],
    ['jöran@exempel.se', 'jöran@exempel.se'],
    ["o'brien@acme.example", "o'brien@acme.example"],
  ])('accepts %j as %j', (input, email) => {
    expect(normalizeEmail(input)).toEqual({ kind: 'ok', email });
  });

  it.each([[''], ['   '], [undefined], [null], [42]])('treats %j as empty', (input) => {
    expect(normalizeEmail(input)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['no-at-sign'],
    ['@acme.example'],
    ['user@'],
    ['user@localhost'],
    ['user@@acme.example'],
    ['us er@acme.example'],
    ['user@acme..example'],
    ['.user@acme.example'],
    ['user.@acme.example'],
    ['user@-acme.example'],
    ['<script>@acme.example'],
    ['user@acme.example\u0000'],
    [`${'a'.repeat(65)}@acme.example`],
  ])('rejects %j', (input) => {
    expect(normalizeEmail(input)).toEqual({ kind: 'invalid' });
  });

  it(`rejects addresses longer than ${maxEmailLength} characters`, () => {
    const long = `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`;
    expect(long.length).toBeGreaterThan(maxEmailLength);
    expect(normalizeEmail(long)).toEqual({ kind: 'too-long', max: maxEmailLength });
  });
});
