import { describe, expect, it } from 'vitest';
import { createToken, fingerprint, readToken } from './tokens';

const secret = 'token-secret-of-at-least-32-characters!';
const now = new Date('2026-11-21T12:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);

describe('email link tokens', () => {
  const token = createToken({ userId: 7, purpose: 'reset-password', expiresAt: inAnHour, state: 'scrypt$old' }, secret);

  it('name their user and the state they were made for', () => {
    expect(readToken(token, 'reset-password', now, secret)).toEqual({ userId: 7, fingerprint: fingerprint('scrypt$old') });
  });

  it('fail when expired, for another purpose, with another key, or altered', () => {
    expect(readToken(token, 'reset-password', new Date(inAnHour.getTime() + 1), secret)).toBeUndefined();
    expect(readToken(token, 'verify-email', now, secret)).toBeUndefined();
    expect(readToken(token, 'reset-password', now, 'another-secret-of-at-least-32-chars')).toBeUndefined();
    const [body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 8, p: 'reset-password', e: 9999999999, f: 'x' })).toString('base64url');
    expect(readToken(`${forged}.${signature}`, 'reset-password', now, secret)).toBeUndefined();
    expect(readToken(`${body}.`, 'reset-password', now, secret)).toBeUndefined();
    expect(readToken('garbage', 'reset-password', now, secret)).toBeUndefined();
  });

  it('tell apart the state before and after a change', () => {
    expect(fingerprint('scrypt$old')).not.toBe(fingerprint('scrypt$new'));
    expect(fingerprint(null)).toBe(fingerprint(''));
  });
});
