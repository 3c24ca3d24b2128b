import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A short-lived, encrypted, HttpOnly cookie that carries a form's state from the
 * POST that handled it to the page the browser is sent back to: the values the
 * person typed (an email address must never go in a URL), the errors, and the
 * status the page should answer with: `<status>.<consume>.<sealed>`. The status and
 * consume flag are in clear (the proxy reads them) but authenticated with the rest
 * (they are the cipher's associated data): a forged or edited cookie opens to
 * nothing, and the proxy applies nothing from it.
 */
export type FlashState = {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Anything else the page needs: a notice, a minutes-to-wait, a result (each form's schema says what). */
  data?: Record<string, unknown>;
};

const flashStatuses = [200, 400, 404, 409, 422, 429, 503] as const;
export type FlashStatus = (typeof flashStatuses)[number];

/** Payloads are padded to a multiple of this, so the cookie's length says little about its content. */
const padTo = 256;

function keyFrom(secret: string): Buffer {
  return createHash('sha256').update(`signpost-flash\u0000${secret}`).digest();
}

export function sealFlash(state: FlashState, status: FlashStatus, consume: boolean, secret: string): string {
  const json = JSON.stringify(state);
  const padded = json.padEnd(Math.ceil((json.length + 1) / padTo) * padTo, ' ');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  cipher.setAAD(Buffer.from(`${status}.${consume ? 1 : 0}`));
  const sealed = Buffer.concat([cipher.update(padded, 'utf8'), cipher.final()]);
  return `${status}.${consume ? 1 : 0}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

export function openFlash(cookie: string | undefined, secret: string): FlashState | undefined {
  if (!cookie) return undefined;
  const [status, consume, sealed] = cookie.split('.');
  if (!sealed) return undefined;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${status}.${consume}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return JSON.parse(json) as FlashState;
  } catch {
    // Tampered, expired key, or not ours: as if there were none.
    return undefined;
  }
}

/**
 * What the proxy may apply from a flash cookie: its status and whether to drop it, only when
 * the cookie is one we sealed (the head is authenticated) and the status is one we use.
 */
export function flashHead(cookie: string | undefined, secret: string): { status: FlashStatus; consume: boolean } | undefined {
  const match = /^(\d{3})\.([01])\./.exec(cookie ?? '');
  const status = Number(match?.[1]);
  if (!match || !(flashStatuses as readonly number[]).includes(status)) return undefined;
  if (!openFlash(cookie, secret)) return undefined;
  return { status: status as FlashStatus, consume: match[2] === '1' };
}
