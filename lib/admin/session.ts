import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import { isProduction } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { adminSessions } from '@/lib/db/schema';
import { getSecret } from '@/lib/server/secret';
import { isSessionCurrent, sessionLimits, shouldTouchSession } from './rules';

/**
 * Site administration sessions. The cookie holds 256 random bits; the table
 * holds only their SHA-256, so a copy of the database cannot be replayed as a
 * session. HttpOnly, SameSite=Lax, and Secure with the __Host- prefix in
 * production (bound to this host, path /, never sent over plain HTTP).
 */
export const sessionCookieName = isProduction ? '__Host-signpost_admin' : 'signpost_admin';

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: isProduction,
  path: '/',
  maxAge: Math.floor(sessionLimits.absoluteMs / 1000),
};

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export type Session = { idHash: string; userId: number; createdAt: Date; lastSeenAt: Date };

/** A new session for the user (sign-in always makes a new one: no fixation). Returns the cookie value. */
export async function createSession(db: Database, userId: number, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  // The user's sessions that have run out go now; the purge takes everyone else's.
  await db.delete(adminSessions).where(and(eq(adminSessions.userId, userId), lt(adminSessions.createdAt, new Date(now.getTime() - sessionLimits.absoluteMs))));
  await db.insert(adminSessions).values({ idHash: hashId(id), userId, createdAt: now, lastSeenAt: now });
  return id;
}

/** The session behind a cookie value, while it is current; it is extended (idle time) as a side effect. */
export async function readSession(db: Database, cookieValue: string | undefined, now: Date): Promise<Session | undefined> {
  if (!cookieValue || cookieValue.length > 100) return undefined;
  const idHash = hashId(cookieValue);
  const [row] = await db.select().from(adminSessions).where(eq(adminSessions.idHash, idHash));
  if (!row) return undefined;
  if (!isSessionCurrent(row, now)) {
    await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
    return undefined;
  }
  if (shouldTouchSession(row.lastSeenAt, now)) {
    await db.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.idHash, idHash));
  }
  return row;
}

export async function deleteSession(db: Database, cookieValue: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, hashId(cookieValue)));
}

/** Every session that has run out (the purge calls this). */
export async function deleteExpiredSessions(db: Database, now: Date): Promise<number> {
  const rows = await db
    .delete(adminSessions)
    .where(
      or(
        lt(adminSessions.createdAt, new Date(now.getTime() - sessionLimits.absoluteMs)),
        lt(adminSessions.lastSeenAt, new Date(now.getTime() - sessionLimits.idleMs)),
      ),
    )
    .returning({ idHash: adminSessions.idHash });
  return rows.length;
}

/**
 * The anti-forgery token every admin form carries: derived from the session, so
 * it needs no storage, changes with every sign-in, and cannot be computed
 * without the server's secret.
 */
export function csrfTokenFor(session: Pick<Session, 'idHash'>): string {
  return createHmac('sha256', getSecret()).update(`csrf\u0000${session.idHash}`).digest('base64url');
}

export function isCsrfTokenValid(session: Pick<Session, 'idHash'>, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(csrfTokenFor(session));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Ends every session of the account (a password reset does this: whoever knew the old password is signed out). */
export async function endAllSessions(db: Database, userId: number): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.userId, userId));
}
