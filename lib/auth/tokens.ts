import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens for email links (verify an address, reset a password).
 * The token carries the user, the purpose, the expiry and a fingerprint of the
 * state it may change (the current password hash, the current status), so it
 * stops working once used.
 */
export type TokenPurpose = 'verify-email' | 'reset-password';
type Claims = { u: number; p: TokenPurpose; e: number; f: string };

export function fingerprint(value: string | null): string {
  return createHash('sha256').update(value ?? '').digest('base64url').slice(0, 12);
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function createToken(
  input: { userId: number; purpose: TokenPurpose; expiresAt: Date; state: string | null },
  secret: string,
): string {
  const claims: Claims = { u: input.userId, p: input.purpose, e: Math.floor(input.expiresAt.getTime() / 1000), f: fingerprint(input.state) };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

/** The user a token is for, when it is genuine, unexpired, for this purpose, and its state unchanged. */
export function readToken(
  token: string,
  purpose: TokenPurpose,
  now: Date,
  secret: string,
): { userId: number; fingerprint: string } | undefined {
  if (typeof token !== 'string' || token.length > 512) return undefined;
  const [body, signature] = token.split('.');
  if (!body || !signature) return undefined;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    if (claims.p !== purpose || !Number.isInteger(claims.u) || claims.e * 1000 <= now.getTime()) return undefined;
    return { userId: claims.u, fingerprint: claims.f };
  } catch {
    return undefined;
  }
}
