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

export type FormBody = { kind: 'ok'; form: Map<string, string> } | { kind: 'too-large' } | { kind: 'unreadable' };

/**
 * Reads a body as a stream, at most `maxBytes` whatever Content-Length or chunked
 * encoding claim: past the cap it stops reading and cancels the rest, so a 150 MB
 * chunked body costs no more memory than a 16 kB one.
 */
async function readCapped(request: Request, maxBytes: number): Promise<{ kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large' }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { kind: 'too-large' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (!reader) return { kind: 'ok', bytes: new Uint8Array() };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}

/** Reads a URL-encoded or multipart form body of at most `maxFormBytes`. */
export async function readForm(request: Request): Promise<FormBody> {
  try {
    const body = await readCapped(request, maxFormBytes);
    if (body.kind === 'too-large') return body;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return { kind: 'ok', form: new Map(new URLSearchParams(text)) };
    }
    if (type.startsWith('multipart/form-data')) {
      const data = await new Response(text, { headers: { 'content-type': type } }).formData();
      return { kind: 'ok', form: new Map([...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
    }
    return { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}
