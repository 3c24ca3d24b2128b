import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { findAccountsByEmail, findCredentials, markVerified, setPasswordHash, type AccountRecord } from '@/lib/accounts/repository';
import { absoluteUrl } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { consume } from '@/lib/rate-limit/limiter';
import { decideOutcome } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { deactivatedOutcomes, diagnosisStateOf, factsOf } from '@/lib/sign-in-help/guidance';
import { createDiagnosis } from '@/lib/sign-in-help/repository';
import type { OutcomeId } from '@/lib/sign-in-help/types';
import { paths } from '@/lib/paths';
import { endAllSessions } from '@/lib/admin/session';
import { verificationEmail } from './emails';
import { queueMailRequest } from './mail-requests';
import { findAnyToken, findOpenToken, issueToken, useToken } from './token-store';
import type { ForgotView } from './forms';

/**
 * Account recovery: the forgot-password request, the reset link and the new
 * password, and the email verification link. Every function takes the database
 * from its caller (through withDatabase, which turns a failing database into
 * "unavailable"). Links carry random single-use tokens stored hashed
 * (token-store.ts). Requests whose email depends on the address are answered
 * after the same work for every address: one lookup and one queued mail request,
 * which the mail worker handles off the request path (mail-requests.ts).
 */

const verificationLinkHours = 48;

type RateLimited = { kind: 'rate-limited'; retryAfterMs: number };

export async function sendVerificationEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const token = await issueToken(db, { userId: account.id, purpose: 'verify-email', expiresAt: new Date(now.getTime() + verificationLinkHours * 3_600_000), now });
  const mail = verificationEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(paths.verifyEmail.page(locale, token)),
    hours: verificationLinkHours,
  });
  await sendEmail(db, { to: account.email, kind: 'verification', locale, siteId: account.site.id, ...mail });
}

export type ForgotResult = RateLimited | { kind: 'answered'; view: ForgotView };

/**
 * The forgot-password request. It does the same work for every address (one
 * lookup, one queued mail request) and leaves deciding and writing any email to
 * the mail worker, so neither the answer's status, shape nor timing, nor the
 * work left behind on the server, shows which case the address was.
 */
export async function requestPasswordReset(db: Database, input: { locale: Locale; email: string; clientIp: string; now: Date }): Promise<ForgotResult> {
  const limit = await consume('forgotPassword', { clientIp: input.clientIp, email: input.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  const accounts = await findAccountsByEmail(db, input.email);
  // The first deactivated account the page may show (not in privacy mode); any in privacy mode get their guidance by email.
  let shown: { account: AccountRecord; outcome: OutcomeId } | undefined;
  let mailed = false;
  for (const account of accounts) {
    const outcome = decideOutcome(signInHelpFlow, factsOf(account, input.now, true)).outcome;
    if (!deactivatedOutcomes.has(outcome)) continue;
    if (account.site.privacyMode) mailed = true;
    else shown ??= { account, outcome };
  }
  // A diagnosis for every request, as sign-in help makes one: its code is on the "deactivated"
  // page and in any guidance email, and the work is the same whatever the address is.
  const diagnosis = await createDiagnosis(
    db,
    {
      locale: input.locale,
      problem: 'forgot-password',
      outcome: shown?.outcome ?? 'account-ok',
      siteId: shown?.account.site.id ?? null,
      subjectUserId: shown?.account.id ?? null,
      state: diagnosisStateOf(shown?.account, factsOf(shown?.account, input.now), input.now, mailed),
    },
    input.now,
  );
  await queueMailRequest(db, { flow: 'forgot-password', email: input.email, siteSlug: null, locale: input.locale, referenceCode: diagnosis.code }, input.now);
  const view: ForgotView = shown ? { kind: 'deactivated', code: diagnosis.code } : { kind: 'neutral' };
  return { kind: 'answered', view };
}

const canReset = (status: string | undefined) => status === 'active' || status === 'verified';

/** The account a reset link is for, while the link is open and the account can still use it. Opening the link changes nothing. */
export async function checkResetToken(db: Database, token: string, now: Date): Promise<{ kind: 'valid'; userId: number } | { kind: 'invalid' }> {
  const open = await findOpenToken(db, token, 'reset-password', now);
  if (!open) return { kind: 'invalid' };
  const row = await findCredentials(db, open.userId);
  return canReset(row?.status) ? { kind: 'valid', userId: open.userId } : { kind: 'invalid' };
}

/**
 * Saves a new password through a reset link: the link is used up (with every other reset link of
 * the account), the password changes and every session of the account ends, in one transaction. Of
 * two simultaneous saves exactly one wins. The hash is computed first, outside the transaction,
 * and only for a link that is open.
 */
export async function resetPassword(db: Database, token: string, password: string, now: Date): Promise<{ kind: 'saved' } | { kind: 'invalid' }> {
  if ((await checkResetToken(db, token, now)).kind !== 'valid') return { kind: 'invalid' };
  const passwordHash = await hashPassword(password);
  const saved = await db.transaction(async (tx) => {
    const used = await useToken(tx, token, 'reset-password', now);
    if (!used || !canReset((await findCredentials(tx, used.userId))?.status)) return false;
    await setPasswordHash(tx, used.userId, passwordHash);
    await endAllSessions(tx, used.userId);
    return true;
  });
  return saved ? { kind: 'saved' } : { kind: 'invalid' };
}

/** Whether a verification link is open (the page checks before offering the button; opening it changes nothing). */
export async function checkVerificationToken(db: Database, token: string, now: Date): Promise<boolean> {
  return (await findOpenToken(db, token, 'verify-email', now)) !== undefined;
}

/**
 * Verifies an address through its link, once. A link ends when it is used, when a newer one is
 * used, and when the account's status changes in any way (a trigger): a link sent before a
 * deactivation does nothing after a reactivation.
 */
export async function verifyEmail(db: Database, token: string, now: Date): Promise<{ kind: 'verified' | 'already' | 'invalid' }> {
  const result = await db.transaction(async (tx) => {
    const used = await useToken(tx, token, 'verify-email', now);
    if (!used) return 'not-open' as const;
    if ((await findCredentials(tx, used.userId))?.status !== 'unverified') return 'invalid' as const;
    await markVerified(tx, used.userId);
    return 'verified' as const;
  });
  if (result !== 'not-open') return { kind: result };
  // A link followed twice: say so kindly when the account it was for is verified now.
  const earlier = await findAnyToken(db, token, 'verify-email');
  const status = earlier ? (await findCredentials(db, earlier.userId))?.status : undefined;
  return { kind: status === 'verified' || status === 'active' ? 'already' : 'invalid' };
}
