import { describe, expect, it } from 'vitest';
import { cleanComment } from './comment';
import { maxCommentLength } from './constants';

describe('cleanComment', () => {
  it('takes out email addresses and phone numbers people leave despite the hint', () => {
    expect(cleanComment('Mejla mig på lisa@firma.se eller ring 070-123 45 67')).toBe('Mejla mig på [email] eller ring [number]');
  });

  it('turns control and format characters into spaces and collapses whitespace', () => {
    expect(cleanComment('  a\u0000b\u202Ec\n\n d  ')).toBe('a b c d');
  });

  it('keeps at most the maximum length', () => {
    expect(cleanComment('x'.repeat(maxCommentLength + 50))).toHaveLength(maxCommentLength);
  });
});
