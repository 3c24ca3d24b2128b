import { describe, expect, it } from 'vitest';
import { isSameOrigin, maxFormBytes, readForm } from './forms';

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

describe('readForm', () => {
  /** A chunked body of `total` bytes made as it is read, counting what was pulled. */
  function streamingPost(total: number, headers: Record<string, string> = {}) {
    const pulled = { bytes: 0 };
    const chunk = new TextEncoder().encode('a='.padEnd(64 * 1024, 'x'));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled.bytes >= total) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://localhost:3000/en/forgot-password/submit', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
    return { request, pulled };
  }

  it('stops reading a chunked body past the limit, whatever its size, without a Content-Length', async () => {
    const { request, pulled } = streamingPost(150 * 1024 * 1024);
    expect(await readForm(request)).toEqual({ kind: 'too-large' });
    expect(pulled.bytes).toBeLessThan(4 * maxFormBytes + 128 * 1024);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const { request, pulled } = streamingPost(1024 * 1024, { 'content-length': String(1024 * 1024) });
    expect(await readForm(request)).toEqual({ kind: 'too-large' });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads a form within the limit, and calls broken UTF-8 or another content type unreadable', async () => {
    const form = (body: BodyInit, type = 'application/x-www-form-urlencoded') =>
      readForm(new Request('http://localhost:3000/en/x', { method: 'POST', headers: { 'content-type': type }, body }));
    expect(await form('email=a%40b.example&x=%C3%A5')).toEqual({ kind: 'ok', form: new Map([['email', 'a@b.example'], ['x', 'å']]) });
    expect(await form(new Uint8Array([0x65, 0x3d, 0xff, 0xfe]))).toEqual({ kind: 'unreadable' });
    expect(await form('{"email":"a@b.example"}', 'application/json')).toEqual({ kind: 'unreadable' });
    expect(await form('e='.padEnd(maxFormBytes + 1, 'x'))).toEqual({ kind: 'too-large' });
  });
});
