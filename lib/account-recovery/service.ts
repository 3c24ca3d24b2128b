import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { createToken, fingerprint, readToken } from '@/lib/auth/tokens';
import { findAccountsByEmail, findCredentials, markVerified, setPasswordHash, type AccountRecord } from '@/lib/accounts/repository';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import { absoluteUrl } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { consume } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { getSecret } from '@/lib/server/secret';
import { decideOutcome } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { deactivatedOutcomes, factsOf, mailGuidance } from '@/lib/sign-in-help/guidance';
import { paths } from '@/lib/paths';
import { passwordResetEmail, verificationEmail } from './emails';
import type { ForgotView } from './forms';

/**
 * Account recovery: the forgot-password request, the reset link and the new
 * password, and the email verification link. Every function takes the database
 * from its caller (through withDatabase, which turns a failing database into
 * "unavailable"). Links are signed tokens bound to the account's state, so a
 * used or outdated link stops working without being stored.
 */

const verificationLinkHours = 48;
const resetLinkMinutes = 60;

type RateLimited = { kind: 'rate-limited'; retryAfterMs: number };

export async function sendVerificationEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const token = createToken(
    { userId: account.id, purpose: 'verify-email', expiresAt: new Date(now.getTime() + verificationLinkHours * 3_600_000), state: account.status },
    getSecret(),
  );
  const mail = verificationEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(paths.verifyEmail.page(locale, token)),
    hours: verificationLinkHours,
  });
  await sendEmail(db, { to: account.email, kind: 'verification', locale, ...mail });
}

export type ForgotResult = RateLimited | { kind: 'answered'; view: ForgotView; deliver: () => Promise<void> };

/**
 * The forgot-password request. It does the same work for every address (one
 * lookup) and leaves sending email to `deliver`, which the route runs after the
 * response, so neither the answer's status, shape nor timing shows which case
 * the address was.
 */
export async function requestPasswordReset(db: Database, input: { locale: Locale; email: string; clientIp: string; now: Date }): Promise<ForgotResult> {
  const limit = await consume('forgotPassword', { clientIp: input.clientIp, email: input.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  const accounts = await findAccountsByEmail(db, input.email);
  const mails: Array<() => Promise<void>> = [];
  let view: ForgotView = { kind: 'neutral' };
  for (const account of accounts) {
    const outcome = decideOutcome(signInHelpFlow, factsOf(account, input.now, true)).outcome;
    if (deactivatedOutcomes.has(outcome)) {
      if (account.site.privacyMode) mails.push(() => mailGuidance(db, account, outcome, input.locale));
      else if (view.kind === 'neutral') {
        const retention = deriveAccountState(account, input.now).retention;
        view = {
          kind: 'deactivated',
          outcome,
          siteId: account.site.id,
          deletesAt: retention && 'deletesAt' in retention ? retention.deletesAt.toISOString() : null,
          keptIndefinitely: retention?.policy === 'disabled-in-directory',
        };
      }
    } else if (account.status === 'active' || account.status === 'verified') {
      mails.push(() => sendResetEmail(db, account, input.locale, input.now));
    }
  }
  const deliver = async () => {
    for (const mail of mails) {
      try {
        await mail();
      } catch (error) {
        log.error('forgot-password.deliver', error);
      }
    }
  };
  return { kind: 'answered', view, deliver };
}

async function sendResetEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const credentials = await findCredentials(db, account.id);
  const token = createToken(
    { userId: account.id, purpose: 'reset-password', expiresAt: new Date(now.getTime() + resetLinkMinutes * 60_000), state: credentials?.passwordHash ?? null },
    getSecret(),
  );
  const mail = passwordResetEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(paths.resetPassword.page(locale, token)),
    minutes: resetLinkMinutes,
  });
  await sendEmail(db, { to: account.email, kind: 'password-reset', locale, ...mail });
}

/**
 * Whether a reset link is genuine and unexpired (no database needed): pages and
 * routes check this first, so a forged or old link is "expired" even while the
 * database is down.
 */
export function isResetTokenCurrent(token: string, now: Date): boolean {
  return readToken(token, 'reset-password', now, getSecret()) !== undefined;
}

/** The account a reset link is for, while the link is valid and unused. */
export async function checkResetToken(db: Database, token: string, now: Date): Promise<{ kind: 'valid'; userId: number } | { kind: 'invalid' }> {
  const claims = readToken(token, 'reset-password', now, getSecret());
  if (!claims) return { kind: 'invalid' };
  const row = await findCredentials(db, claims.userId);
  const usable = row && row.status !== 'inactive' && row.status !== 'unverified' && fingerprint(row.passwordHash) === claims.fingerprint;
  return usable ? { kind: 'valid', userId: claims.userId } : { kind: 'invalid' };
}

export async function resetPassword(db: Database, token: string, password: string, now: Date): Promise<{ kind: 'saved' } | { kind: 'invalid' }> {
  const check = await checkResetToken(db, token, now);
  if (check.kind !== 'valid') return check;
  await setPasswordHash(db, check.userId, await hashPassword(password));
  return { kind: 'saved' };
}

/** Whether a verification link is genuine and unexpired (no database needed): the page checks before offering the button. */
export function isVerificationTokenCurrent(token: string, now: Date): boolean {
  return readToken(token, 'verify-email', now, getSecret()) !== undefined;
}

export async function verifyEmail(db: Database, token: string, now: Date): Promise<{ kind: 'verified' | 'already' | 'invalid' }> {
  const claims = readToken(token, 'verify-email', now, getSecret());
  if (!claims) return { kind: 'invalid' };
  const row = await findCredentials(db, claims.userId);
  if (!row) return { kind: 'invalid' };
  if (row.status === 'verified' || row.status === 'active') return { kind: 'already' };
  if (row.status !== 'unverified' || fingerprint(row.status) !== claims.fingerprint) return { kind: 'invalid' };
  await markVerified(db, claims.userId);
  return { kind: 'verified' };
}
