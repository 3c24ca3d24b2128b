import 'server-only';
import { asc, eq, lt, sql } from 'drizzle-orm';
import { findAccountOnSite, findAccountsByEmail, type AccountRecord } from '@/lib/accounts/repository';
import { absoluteUrl } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { mailRequests } from '@/lib/db/schema';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { announceMailWork, sendEmail } from '@/lib/mail/mailer';
import { paths } from '@/lib/paths';
import { log } from '@/lib/server/log';
import { decideOutcome } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { deactivatedOutcomes, factsOf, hidesAccounts, mailGuidance, mailsGuidance, requestableOutcomes } from '@/lib/sign-in-help/guidance';
import type { OutcomeId } from '@/lib/sign-in-help/types';
import { passwordResetEmail } from './emails';
import { sendVerificationEmail } from './service';
import { confirmationLinkFor, mailConfirmationLink } from '@/lib/reactivation/confirmation';
import { issueToken } from './token-store';

/**
 * Mail requests: what forgot-password and sign-in help leave for the mail worker. The request path
 * stores one row of the same shape for every address, known or not, so the work a request does and
 * leaves behind cannot tell the cases apart; the worker looks the address up again and writes what
 * mail is needed to the outbox, in one transaction with the row's deletion (each request handled
 * once, even with several servers).
 */

type MailRequest = { flow: 'forgot-password' | 'sign-in-help' | 'reactivation'; email: string; siteSlug: string | null; locale: Locale; referenceCode: string };

export async function queueMailRequest(db: Database, request: MailRequest, now: Date): Promise<void> {
  await db.insert(mailRequests).values({ ...request, createdAt: now });
  announceMailWork();
}

/**
 * Sign-in help's half: what privacy mode kept off the screen, by email to the account. For an
 * account on a private site, its own situation; for an address on several sites where one of them
 * is private (the site question was not asked), each account's situation.
 */
async function mailSignInHelp(db: Database, request: { email: string; siteSlug: string | null; locale: Locale; referenceCode: string | null }, now: Date): Promise<void> {
  if (request.siteSlug !== null) {
    const account = await findAccountOnSite(db, request.email, request.siteSlug);
    if (account && mailsGuidance(account, now)) await mailSpecifics(db, account, request, now);
    return;
  }
  const accounts = await findAccountsByEmail(db, request.email);
  if (accounts.length === 1 && mailsGuidance(accounts[0]!, now)) await mailSpecifics(db, accounts[0]!, request, now);
  if (accounts.length > 1 && hidesAccounts(accounts)) {
    for (const account of accounts) await mailSpecifics(db, account, request, now);
  }
}

/** One account's specifics: whom to contact when it is deactivated, a new verification link when it is unverified. */
async function mailSpecifics(db: Database, account: AccountRecord, request: { locale: Locale; referenceCode: string | null }, now: Date): Promise<void> {
  const outcome = decideOutcome(signInHelpFlow, factsOf(account, now, true)).outcome;
  if (deactivatedOutcomes.has(outcome)) await mailGuidanceWithRequestLink(db, account, outcome, request.locale, request.referenceCode, now);
  else if (outcome === 'unverified') await sendVerificationEmail(db, account, request.locale, now);
}

/** "Ask my administrator": the confirmation link, when the account on that site can file a request (reactivation/service.ts decides). */
async function mailReactivationLink(db: Database, request: { email: string; siteSlug: string | null; locale: Locale; referenceCode: string | null }, now: Date): Promise<void> {
  const account = request.siteSlug !== null ? await findAccountOnSite(db, request.email, request.siteSlug) : undefined;
  if (account) await mailConfirmationLink(db, account, request.locale, request.referenceCode, now);
}

/**
 * Privacy mode's guidance email: the page offered nothing, so where the site's administrator can
 * reactivate the account the email carries the request's confirmation link itself (it goes to the
 * account's own address, which is what the link proves).
 */
async function mailGuidanceWithRequestLink(db: Database, account: AccountRecord, outcome: OutcomeId, locale: Locale, referenceCode: string | null, now: Date): Promise<void> {
  const requestLink = requestableOutcomes.has(outcome) ? await confirmationLinkFor(db, account, locale, referenceCode, now) : undefined;
  await mailGuidance(db, account, outcome, locale, referenceCode, requestLink);
}

const resetLinkMinutes = 60;

/**
 * The mail worker's half of a forgot-password request: a reset link for each working account on
 * the address, and in privacy mode the contact details for a deactivated one. Nothing for an
 * unknown or unverified address.
 */
async function mailForgotPassword(db: Database, request: { email: string; locale: Locale; referenceCode: string | null }, now: Date): Promise<void> {
  for (const account of await findAccountsByEmail(db, request.email)) {
    const outcome = decideOutcome(signInHelpFlow, factsOf(account, now, true)).outcome;
    if (deactivatedOutcomes.has(outcome)) {
      if (account.site.privacyMode) await mailGuidanceWithRequestLink(db, account, outcome, request.locale, request.referenceCode, now);
    } else if (account.status === 'active' || account.status === 'verified') {
      await sendResetEmail(db, account, request.locale, now);
    }
  }
}

async function sendResetEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const token = await issueToken(db, { userId: account.id, purpose: 'reset-password', expiresAt: new Date(now.getTime() + resetLinkMinutes * 60_000), now });
  const mail = passwordResetEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(paths.resetPassword.page(locale, token)),
    minutes: resetLinkMinutes,
  });
  await sendEmail(db, { to: account.email, kind: 'password-reset', locale, siteId: account.site.id, ...mail });
}

const maxAttempts = 5;

/**
 * Handles up to `batch` queued requests, oldest first, each in a transaction of its own: claimed
 * with SKIP LOCKED (another server takes the next one), its mail queued, the row deleted. A request
 * that fails is tried again on the next run, and dropped (logged, without the address) after five.
 */
export async function handleMailRequests(
  db: Database,
  now: Date,
  batch = 50,
): Promise<number> {
  let handled = 0;
  for (; handled < batch; handled++) {
    let claimedId: number | undefined;
    try {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx.select().from(mailRequests).orderBy(asc(mailRequests.id)).limit(1).for('update', { skipLocked: true });
        if (!row) return false;
        claimedId = row.id;
        const locale = isLocale(row.locale) ? row.locale : 'en';
        if (row.flow === 'forgot-password') await mailForgotPassword(tx, { email: row.email, locale, referenceCode: row.referenceCode }, now);
        else if (row.flow === 'reactivation') await mailReactivationLink(tx, { email: row.email, siteSlug: row.siteSlug, locale, referenceCode: row.referenceCode }, now);
        else await mailSignInHelp(tx, { email: row.email, siteSlug: row.siteSlug, locale, referenceCode: row.referenceCode }, now);
        await tx.delete(mailRequests).where(eq(mailRequests.id, row.id));
        return true;
      });
      if (!done) break;
    } catch (error) {
      log.error('mail-request.failed', error);
      if (claimedId === undefined) break;
      await db.update(mailRequests).set({ attempts: sql`${mailRequests.attempts} + 1` }).where(eq(mailRequests.id, claimedId));
      const dropped = await db.delete(mailRequests).where(sql`${mailRequests.id} = ${claimedId} and ${mailRequests.attempts} >= ${maxAttempts}`).returning({ id: mailRequests.id });
      if (dropped.length > 0) log.warn('mail-request.dropped', { attempts: maxAttempts });
      break;
    }
  }
  return handled;
}

/** Requests older than a day are dropped unhandled (a server was down that long): a reset link that late would only confuse. */
export async function dropStaleMailRequests(db: Database, now: Date): Promise<number> {
  const rows = await db.delete(mailRequests).where(lt(mailRequests.createdAt, new Date(now.getTime() - 86_400_000))).returning({ id: mailRequests.id });
  return rows.length;
}
