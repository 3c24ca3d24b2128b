import { describe, expect, it } from 'vitest';
import { flashHead, openFlash, sealFlash } from './flash';

const secret = 'a-test-secret-of-at-least-32-characters';

describe('flash cookies', () => {
  it('round-trips form state, and shows only status and consume in clear', () => {
    const cookie = sealFlash({ values: { email: 'dan@acme.example' }, errors: { email: 'invalid' } }, 400, true, secret);
    expect(cookie).not.toContain('acme');
    expect(flashHead(cookie, secret)).toEqual({ status: 400, consume: true });
    expect(openFlash(cookie, secret)).toEqual({ values: { email: 'dan@acme.example' }, errors: { email: 'invalid' } });
  });

  it('pads content so different answers have the same length', () => {
    const neutral = sealFlash({ data: { kind: 'neutral' } }, 200, false, secret);
    const deactivated = sealFlash({ data: { kind: 'deactivated', site: 12345 } }, 200, false, secret);
    expect(neutral.length).toBe(deactivated.length);
  });

  it('rejects tampering, a wrong key and garbage', () => {
    const cookie = sealFlash({ values: { a: 'b' } }, 200, false, secret);
    const tampered = cookie.slice(0, -3) + (cookie.endsWith('A') ? 'BBB' : 'AAA');
    expect(openFlash(tampered, secret)).toBeUndefined();
    expect(openFlash(cookie, 'another-secret-of-at-least-32-chars!!')).toBeUndefined();
    expect(openFlash('400.1.not-base64-!!', secret)).toBeUndefined();
    expect(openFlash(undefined, secret)).toBeUndefined();
  });

  it('lets the proxy apply a status only from a cookie it sealed, with its head unchanged', () => {
    expect(flashHead('503.0.x', secret)).toBeUndefined();
    expect(flashHead('garbage', secret)).toBeUndefined();
    const cookie = sealFlash({ values: { a: 'b' } }, 400, false, secret);
    expect(flashHead(cookie, secret)).toEqual({ status: 400, consume: false });
    // The head is authenticated: moving a real cookie's payload under another status opens to nothing.
    for (const head of ['503.0.', '429.0.', '400.1.', '200.0.']) {
      const edited = head + cookie.split('.')[2];
      expect(flashHead(edited, secret), head).toBeUndefined();
      expect(openFlash(edited, secret), head).toBeUndefined();
    }
    expect(flashHead(cookie, 'another-secret-of-at-least-32-chars!!')).toBeUndefined();
    expect(flashHead(sealFlash({}, 503, false, secret).replace(/^503/, '500'), secret)).toBeUndefined();
  });
});
