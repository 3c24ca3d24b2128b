import { contentSecurityPolicy } from './csp';
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
const staticSecurityHeaders: ReadonlyArray<{ key: string; value: string }> = staticHeaders.everywhere;
const productionHeaders: ReadonlyArray<{ key: string; value: string }> = staticHeaders.production;

/**
 * Pages whose URL carries a secret (an emailed token): no Referer at all leaves
 * them. Site administration shows private data: the Referer stays on this site
 * (the forms there need their Origin header, which no-referrer would blank).
 * Neither is cached or indexed.
 */
const tokenPage = /^\/[a-z]{2}\/(?:reset-password|verify-email|reactivation-request)(?:\/|$)/;
const adminPage = /^\/[a-z]{2}\/admin(?:\/|$)/;

/**
 * The per-response headers: the static set; Strict-Transport-Security in
 * production; a Content-Security-Policy with this response's nonce for a page
 * rendered per request (`nonce`). A prerendered page brings its own policy
 * (scripts/csp-hashes.ts); data responses get theirs from next.config.mjs.
 */
export function applySecurityHeaders<R extends Response>(
  response: R,
  context: { nonce?: string; pathname?: string; production?: boolean; upgradeInsecureRequests?: boolean },
): R {
  for (const { key, value } of staticSecurityHeaders) response.headers.set(key, value);
  // Strict-Transport-Security (two years, every subdomain): once a browser has seen the site over HTTPS it never tries HTTP.
  if (context.production) for (const { key, value } of productionHeaders) response.headers.set(key, value);
  if (context.nonce) {
    response.headers.set('Content-Security-Policy', contentSecurityPolicy({ nonce: context.nonce }, { upgradeInsecureRequests: context.upgradeInsecureRequests }));
  }
  const isTokenPage = context.pathname !== undefined && tokenPage.test(context.pathname);
  if (isTokenPage || (context.pathname !== undefined && adminPage.test(context.pathname))) {
    response.headers.set('Referrer-Policy', isTokenPage ? 'no-referrer' : 'same-origin');
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
}
