import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { findAccountById, type AccountRecord } from '@/lib/accounts/repository';
import { findOpenToken, issueToken } from '@/lib/account-recovery/token-store';
import { absoluteUrl } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { reactivationRequests, users } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { sendEmail } from '@/lib/mail/mailer';
import { paths } from '@/lib/paths';
import { canAskForReactivation } from '@/lib/sign-in-help/guidance';
import { confirmationEmail } from './emails';
import { confirmationLinkHours } from './types';

/**
 * The reactivation request's confirmation link (see service.ts for the whole loop): sent to the
 * account's own address by the mail worker, or carried by privacy mode's guidance email.
 */

async function pendingRequestOf(db: Database, userId: number): Promise<{ id: number; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ id: reactivationRequests.id, createdAt: reactivationRequests.createdAt })
    .from(reactivationRequests)
    .where(and(eq(reactivationRequests.userId, userId), eq(reactivationRequests.state, 'pending')));
  return row;
}

/** Which of these accounts have a request waiting (the users list marks them). */
export async function usersWithPendingRequests(db: Database, siteId: number, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: reactivationRequests.userId })
    .from(reactivationRequests)
    .where(and(eq(reactivationRequests.siteId, siteId), eq(reactivationRequests.state, 'pending'), inArray(reactivationRequests.userId, userIds)));
  return new Set(rows.flatMap((row) => (row.userId === null ? [] : [row.userId])));
}

/** When the account's pending request was made, if it has one (an outcome page says so instead of offering another). */
export async function pendingRequestSince(db: Database, userId: number): Promise<Date | undefined> {
  return (await pendingRequestOf(db, userId))?.createdAt;
}

/** The site's administrators who can act on a request (signed in, not deactivated), with their language. */
export async function activeAdministrators(db: Database, siteId: number): Promise<Array<{ email: string; preferredLocale: string | null }>> {
  return db
    .select({ email: users.email, preferredLocale: users.preferredLocale })
    .from(users)
    .where(and(eq(users.siteId, siteId), eq(users.isSiteAdmin, true), sql`${users.status} in ('active', 'verified')`));
}

/**
 * The mail worker's half of "ask": the confirmation link, to the account's own address, when the
 * account can file a request, has none pending, and its site has an administrator who can act on
 * it (when the only administrator is locked out too, the outcome's other route, the CSM, is the way). Also used by privacy mode's guidance email,
 * which carries the link instead of the page offering it.
 */
export async function confirmationLinkFor(
  db: Database,
  account: AccountRecord,
  locale: Locale,
  referenceCode: string | null,
  now: Date,
): Promise<{ url: string; hours: number } | undefined> {
  if (!canAskForReactivation(account, now) || (await pendingRequestOf(db, account.id))) return undefined;
  if ((await activeAdministrators(db, account.site.id)).length === 0) return undefined;
  const token = await issueToken(db, {
    userId: account.id,
    purpose: 'reactivation-request',
    referenceCode,
    expiresAt: new Date(now.getTime() + confirmationLinkHours * 3_600_000),
    now,
  });
  return { url: absoluteUrl(paths.reactivation.page(locale, token)), hours: confirmationLinkHours };
}

export async function mailConfirmationLink(db: Database, account: AccountRecord, locale: Locale, referenceCode: string | null, now: Date): Promise<void> {
  const link = await confirmationLinkFor(db, account, locale, referenceCode, now);
  if (!link) return;
  const mail = confirmationEmail(locale, await loadMessages(locale), { siteName: account.site.name, link: link.url, hours: link.hours, referenceCode });
  await sendEmail(db, { to: account.email, kind: 'reactivation-confirm', locale, siteId: account.site.id, ...mail });
}

/** The link's page: whether it can still file a request (opening it changes nothing: mail scanners open links). */
export async function checkConfirmationLink(db: Database, token: string, now: Date): Promise<{ kind: 'open'; siteName: string } | { kind: 'invalid' }> {
  const open = await findOpenToken(db, token, 'reactivation-request', now);
  const account = open ? await findAccountById(db, open.userId) : undefined;
  return account && canAskForReactivation(account, now) ? { kind: 'open', siteName: account.site.name } : { kind: 'invalid' };
}

