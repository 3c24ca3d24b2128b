import { describe, expect, it } from 'vitest';
import { hashLinkToken, newLinkToken } from './tokens';

describe('link tokens', () => {
  it('are random, opaque and hashed for storage', () => {
    const first = newLinkToken();
    const second = newLinkToken();
    expect(first.token).not.toBe(second.token);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nothing readable: the old tokens were base64 JSON holding the user id and expiry.
    expect(Buffer.from(first.token, 'base64url').toString('utf8')).not.toMatch(/"u"|userId|"e"/);
    expect(first.hash).toBe(hashLinkToken(first.token));
    expect(first.hash).not.toBe(first.token);
  });

  it('refuses text that cannot be a token before any lookup', () => {
    const { token } = newLinkToken();
    for (const text of ['', 'garbage', `${token}x`, token.slice(1), `${token.slice(0, 42)}.`, 'a'.repeat(600)]) {
      expect(hashLinkToken(text)).toBeUndefined();
    }
  });
});
