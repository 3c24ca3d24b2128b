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

/**
 * Pages whose URL carries a secret (an emailed token): no Referer at all leaves
 * them. Site administration shows private data: the Referer stays on this site
 * (the forms there need their Origin header, which no-referrer would blank).
 * Neither is cached or indexed.
 */
const tokenPage = /^\/[a-z]{2}\/(?:reset-password|verify-email)(?:\/|$)/;
const adminPage = /^\/[a-z]{2}\/admin(?:\/|$)/;

export function applySecurityHeaders(response: NextResponse, context: { nonce: string | undefined; pathname?: string }): NextResponse {
  for (const { key, value } of staticSecurityHeaders) response.headers.set(key, value);
  const isTokenPage = context.pathname !== undefined && tokenPage.test(context.pathname);
  if (isTokenPage || (context.pathname !== undefined && adminPage.test(context.pathname))) {
    response.headers.set('Referrer-Policy', isTokenPage ? 'no-referrer' : 'same-origin');
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
}
