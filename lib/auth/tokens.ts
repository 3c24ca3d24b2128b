import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens for email links (verify an address, reset a password): 256 random bits, so a link says
 * nothing about the account it is for. Only the SHA-256 of a token is stored
 * (lib/account-recovery/token-store.ts), so a copy of the database cannot be replayed as a link.
 */
export type TokenPurpose = 'verify-email' | 'reset-password' | 'reactivation-request';

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token)! };
}

/** The stored form of a token, or undefined when the text cannot be one of ours (no lookup needed). */
export function hashLinkToken(token: string): string | undefined {
  if (typeof token !== 'string' || !tokenPattern.test(token)) return undefined;
  return createHash('sha256').update(token).digest('base64url');
}
