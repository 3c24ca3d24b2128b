import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashLinkToken, newLinkToken, type TokenPurpose } from '@/lib/auth/tokens';
import type { Database } from '@/lib/db/client';
import { accountTokens, users } from '@/lib/db/schema';

/**
 * Stored link tokens. A token is usable while it is unexpired and unused; using one ends every
 * other open token of the account for that purpose in the same transaction, and the account's row
 * is locked first, so of two simultaneous uses (one token or two) exactly one wins. A trigger
 * (migration 0002) ends verification tokens when the account's status changes and reset tokens
 * when its password changes.
 */

export async function issueToken(
  db: Database,
  input: { userId: number; purpose: TokenPurpose; expiresAt: Date; now: Date; referenceCode?: string | null },
): Promise<string> {
  const { token, hash } = newLinkToken();
  await db
    .insert(accountTokens)
    .values({ tokenHash: hash, userId: input.userId, purpose: input.purpose, referenceCode: input.referenceCode ?? null, createdAt: input.now, expiresAt: input.expiresAt });
  return token;
}

/** The account an open token is for (checking changes nothing: mail scanners open links). */
export async function findOpenToken(db: Database, token: string, purpose: TokenPurpose, now: Date): Promise<{ userId: number } | undefined> {
  const hash = hashLinkToken(token);
  if (!hash) return undefined;
  const [row] = await db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
  return row;
}

/** Whether the text was ever a token of ours for this purpose, used or not (for "already verified"). */
export async function findAnyToken(db: Database, token: string, purpose: TokenPurpose): Promise<{ userId: number } | undefined> {
  const hash = hashLinkToken(token);
  if (!hash) return undefined;
  const [row] = await db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, purpose)));
  return row;
}

/**
 * Uses a token inside the caller's transaction: locks the account, marks this token used if it is
 * still open, and ends the account's other open tokens for the purpose. Undefined when the token
 * was not open (used, ended, expired, or never ours): the caller must then change nothing.
 */
export async function useToken(tx: Database, token: string, purpose: TokenPurpose, now: Date): Promise<{ userId: number; referenceCode: string | null } | undefined> {
  const hash = hashLinkToken(token);
  if (!hash) return undefined;
  const [owner] = await tx.select({ userId: accountTokens.userId }).from(accountTokens).where(eq(accountTokens.tokenHash, hash));
  if (!owner) return undefined;
  // One use at a time per account: a second save waits here, then finds the token used.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.userId)).for('update');
  const [used] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning({ userId: accountTokens.userId, referenceCode: accountTokens.referenceCode });
  if (!used) return undefined;
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, used.userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  return used;
}

/** Tokens that can no longer be used, a day after they ended (the purge calls this). */
export async function deleteSpentTokens(db: Database, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db
    .delete(accountTokens)
    .where(sql`coalesce(${accountTokens.usedAt}, ${accountTokens.expiresAt}) < ${dayAgo}`)
    .returning({ hash: accountTokens.tokenHash });
  return rows.length;
}
