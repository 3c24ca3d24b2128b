import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './forms';

const post = (headers: Record<string, string>) => new Request('http://localhost:3000/en/forgot-password/submit', { method: 'POST', headers });

describe('isSameOrigin', () => {
  it('accepts our own origin, from Origin or else Referer', () => {
    expect(isSameOrigin(post({ origin: 'http://localhost:3000' }))).toBe(true);
    expect(isSameOrigin(post({ referer: 'http://localhost:3000/en/forgot-password' }))).toBe(true);
  });

  it('refuses another origin, a missing one, and nonsense', () => {
    expect(isSameOrigin(post({ origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOrigin(post({ origin: 'https://evil.example', referer: 'http://localhost:3000/' }))).toBe(false);
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ referer: 'not a url' }))).toBe(false);
  });

  it('accepts an opaque origin (a no-referrer page) only where the request carries its own proof', () => {
    expect(isSameOrigin(post({ origin: 'null' }))).toBe(false);
    expect(isSameOrigin(post({ origin: 'null' }), { allowOpaqueOrigin: true })).toBe(true);
    expect(isSameOrigin(post({ origin: 'null', referer: 'https://evil.example/' }), { allowOpaqueOrigin: true })).toBe(false);
  });
});
