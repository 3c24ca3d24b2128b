import type { NextResponse } from 'next/server';
import staticHeaders from './static-headers.json';

/** A fresh CSP nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers that are the same on every response (lib/http/static-headers.json).
 * next.config.mjs sends them too, for the responses the proxy never sees:
 * canonical article pages and static files.
 */
export const staticSecurityHeaders: ReadonlyArray<{ key: string; value: string }> = staticHeaders;

export function applySecurityHeaders(response: NextResponse, _context: { nonce: string | undefined }): NextResponse {
  for (const { key, value } of staticSecurityHeaders) response.headers.set(key, value);
  return response;
}
