import 'server-only';
import { env } from '@/lib/config/env';

/** The largest form body accepted; the biggest form (contact details) is far smaller. */
export const maxFormBytes = 16 * 1024;

/**
 * Whether a state-changing request comes from our own pages. Browsers send
 * Origin on every POST; a request from another site (a forged form) has theirs.
 * Requests without Origin or Referer (not a browser) are refused too. A page
 * sent with `Referrer-Policy: no-referrer` (the emailed-token pages) makes the
 * browser send `Origin: null`: accepted only where the caller says the request
 * carries its own proof (`allowOpaqueOrigin`: the secret token in its path).
 */
export function isSameOrigin(request: Request, options: { allowOpaqueOrigin?: boolean } = {}): boolean {
  const expected = new Set([new URL(env.SITE_URL).origin, new URL(request.url).origin]);
  const host = request.headers.get('host');
  if (host) expected.add(`${new URL(request.url).protocol}//${host}`);
  const origin = request.headers.get('origin');
  if (origin === 'null' && options.allowOpaqueOrigin && !request.headers.get('referer')) return true;
  if (origin) return expected.has(origin);
  const referer = request.headers.get('referer');
  if (!referer) return false;
  try {
    return expected.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** Reads a URL-encoded or multipart form body, refusing bodies over the limit. Undefined when unreadable. */
export async function readForm(request: Request): Promise<Map<string, string> | undefined> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxFormBytes) return undefined;
  try {
    const text = await request.text();
    if (text.length > maxFormBytes) return undefined;
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return new Map(new URLSearchParams(text));
    }
    if (type.startsWith('multipart/form-data')) {
      const data = await new Response(text, { headers: { 'content-type': type } }).formData();
      return new Map([...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
    return undefined;
  } catch {
    return undefined;
  }
}
