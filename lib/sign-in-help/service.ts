import 'server-only';
import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { createToken, fingerprint, readToken } from '@/lib/auth/tokens';
import { findAccountById, findAccountOnSite, findAccountsByEmail, findSite, type AccountRecord } from '@/lib/accounts/repository';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import { absoluteUrl } from '@/lib/config/env';
import { getDb, type Database } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { contactDetailsEmail, passwordResetEmail, verificationEmail } from '@/lib/mail/templates';
import { consume } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { getSecret } from '@/lib/server/secret';
import { decideOutcome, factsFor, unknownAccountFacts } from './engine';
import { signInHelpFlow, type Facts } from './flow';
import { createDiagnosis, getDiagnosis } from './repository';
import type { DiagnosisState, OutcomeId, Problem } from './types';

/**
 * What the sign-in help and forgot-password routes do, in order: limit, look up,
 * derive the account's state, let the flow's rules decide, carry out what that
 * outcome needs, and record it. Every database failure becomes "unavailable", so
 * the pages can still give the general guidance.
 */

export const verificationLinkHours = 48;
export const resetLinkMinutes = 60;
const deactivatedOutcomes: ReadonlySet<OutcomeId> = new Set([
  'site-admin-contact',
  'find-site-admin',
  'admin-locked-out',
  'directory-removed',
  'directory-disabled',
]);

type Unavailable = { kind: 'unavailable' };
type RateLimited = { kind: 'rate-limited'; retryAfterMs: number };

async function withDatabase<T>(event: string, work: (db: Database) => Promise<T>): Promise<T | Unavailable> {
  try {
    return await work(await getDb());
  } catch (error) {
    log.error(event, error);
    return { kind: 'unavailable' };
  }
}

function factsOf(account: AccountRecord | undefined, now: Date, ignorePrivacy = false): Facts {
  if (!account) return unknownAccountFacts;
  return factsFor(deriveAccountState(account, now), account, {
    hasContactDetails: account.site.hasContactDetails,
    privacyMode: ignorePrivacy ? false : account.site.privacyMode,
  });
}

function stateOf(account: AccountRecord | undefined, facts: Facts, now: Date, mailedGuidance: boolean): DiagnosisState {
  const retention = account ? deriveAccountState(account, now).retention : null;
  return {
    status: facts.status,
    isSiteAdmin: facts.isSiteAdmin,
    isDirectoryManaged: facts.isDirectoryManaged,
    retention: retention?.policy ?? null,
    deletesAt: retention && 'deletesAt' in retention ? retention.deletesAt.toISOString() : null,
    mailedGuidance,
  };
}

/** In privacy mode: the guidance for what the account's situation really is, by email to the account. */
async function mailGuidance(db: Database, account: AccountRecord, outcome: OutcomeId, locale: Locale): Promise<void> {
  const situation =
    outcome === 'directory-removed' || outcome === 'directory-disabled'
      ? 'directory'
      : outcome === 'admin-locked-out'
        ? 'site-administrator-locked-out'
        : 'site-administrator';
  const mail = contactDetailsEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    situation,
    contact: account.site.contact,
    hasContactDetails: account.site.hasContactDetails,
    csm: { ...account.site.organization.csm, message: null },
  });
  await sendEmail(db, { to: account.email, kind: 'contact-details', locale, ...mail });
}

export type DiagnoseResult =
  | RateLimited
  | Unavailable
  | { kind: 'choose-site' }
  | { kind: 'unknown-site' }
  | { kind: 'diagnosed'; code: string; outcome: OutcomeId };

export async function diagnose(input: {
  locale: Locale;
  problem: Problem;
  email: string;
  siteSlug?: string;
  clientIp: string;
  now: Date;
}): Promise<DiagnoseResult> {
  const limit = await consume('lookup', { clientIp: input.clientIp, email: input.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  return withDatabase('sign-in-help.diagnose', async (db) => {
    let account: AccountRecord | undefined;
    if (input.siteSlug !== undefined) {
      if (!(await findSite(db, { slug: input.siteSlug }))) return { kind: 'unknown-site' };
      account = await findAccountOnSite(db, input.email, input.siteSlug);
    } else {
      const accounts = await findAccountsByEmail(db, input.email);
      if (accounts.length > 1) return { kind: 'choose-site' };
      account = accounts[0];
    }

    const facts = factsOf(account, input.now);
    const { outcome } = decideOutcome(signInHelpFlow, facts);
    const underlying = decideOutcome(signInHelpFlow, factsOf(account, input.now, true)).outcome;
    const mailed = Boolean(account?.site.privacyMode && deactivatedOutcomes.has(underlying));
    if (account && mailed) await mailGuidance(db, account, underlying, input.locale);

    const diagnosis = await createDiagnosis(
      db,
      {
        locale: input.locale,
        problem: input.problem,
        outcome,
        siteId: account?.site.id ?? null,
        subjectUserId: outcome === 'unverified' && account ? account.id : null,
        state: stateOf(account, facts, input.now, mailed),
      },
      input.now,
    );
    return { kind: 'diagnosed', code: diagnosis.code, outcome };
  });
}

export type ResendResult = RateLimited | Unavailable | { kind: 'sent' } | { kind: 'not-applicable' };

/** "Send the verification email again", from an unverified result. */
export async function resendVerification(input: { code: string; locale: Locale; clientIp: string; now: Date }): Promise<ResendResult> {
  return withDatabase('sign-in-help.resend', async (db) => {
    const diagnosis = await getDiagnosis(db, input.code, input.now);
    const account = diagnosis?.subjectUserId ? await findAccountById(db, diagnosis.subjectUserId) : undefined;
    if (!account || account.status !== 'unverified') return { kind: 'not-applicable' } as const;
    const limit = await consume('resendVerification', { clientIp: input.clientIp, email: account.email });
    if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs } as const;
    await sendVerificationEmail(db, account, input.locale, input.now);
    return { kind: 'sent' } as const;
  });
}

export async function sendVerificationEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const token = createToken(
    { userId: account.id, purpose: 'verify-email', expiresAt: new Date(now.getTime() + verificationLinkHours * 3_600_000), state: account.status },
    getSecret(),
  );
  const mail = verificationEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(`/${locale}/verify-email/${token}`),
    hours: verificationLinkHours,
  });
  await sendEmail(db, { to: account.email, kind: 'verification', locale, ...mail });
}

/** What the forgot-password page shows: the same neutral message, or (deactivated) whom to contact. */
export type ForgotView =
  | { kind: 'neutral' }
  | { kind: 'deactivated'; outcome: OutcomeId; siteId: number; deletesAt: string | null; keptIndefinitely: boolean };

export type ForgotResult = RateLimited | Unavailable | { kind: 'answered'; view: ForgotView; deliver: () => Promise<void> };

/**
 * The forgot-password request. It does the same work for every address (one
 * lookup) and leaves sending email to `deliver`, which the route runs after the
 * response, so neither the answer's status, shape nor timing shows which case
 * the address was.
 */
export async function requestPasswordReset(input: { locale: Locale; email: string; clientIp: string; now: Date }): Promise<ForgotResult> {
  const limit = await consume('forgotPassword', { clientIp: input.clientIp, email: input.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  return withDatabase('forgot-password.request', async (db) => {
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
    return { kind: 'answered', view, deliver } as const;
  });
}

async function sendResetEmail(db: Database, account: AccountRecord, locale: Locale, now: Date): Promise<void> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, account.id));
  const token = createToken(
    { userId: account.id, purpose: 'reset-password', expiresAt: new Date(now.getTime() + resetLinkMinutes * 60_000), state: row?.passwordHash ?? null },
    getSecret(),
  );
  const mail = passwordResetEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    link: absoluteUrl(`/${locale}/reset-password/${token}`),
    minutes: resetLinkMinutes,
  });
  await sendEmail(db, { to: account.email, kind: 'password-reset', locale, ...mail });
}

/** The account a reset link is for, while the link is valid and unused. */
export async function checkResetToken(token: string, now: Date): Promise<{ kind: 'valid'; userId: number } | { kind: 'invalid' } | Unavailable> {
  const claims = readToken(token, 'reset-password', now, getSecret());
  if (!claims) return { kind: 'invalid' };
  return withDatabase('reset-password.check', async (db) => {
    const [row] = await db.select({ passwordHash: users.passwordHash, status: users.status }).from(users).where(eq(users.id, claims.userId));
    const usable = row && row.status !== 'inactive' && row.status !== 'unverified' && fingerprint(row.passwordHash) === claims.fingerprint;
    return usable ? ({ kind: 'valid', userId: claims.userId } as const) : ({ kind: 'invalid' } as const);
  });
}

export async function resetPassword(token: string, password: string, now: Date): Promise<{ kind: 'saved' } | { kind: 'invalid' } | Unavailable> {
  const check = await checkResetToken(token, now);
  if (check.kind !== 'valid') return check;
  const passwordHash = await hashPassword(password);
  return withDatabase('reset-password.save', async (db) => {
    await db.update(users).set({ passwordHash }).where(eq(users.id, check.userId));
    return { kind: 'saved' } as const;
  });
}

/** Whether a verification link is genuine and unexpired (no database needed): the page checks before offering the button. */
export function isVerificationTokenCurrent(token: string, now: Date): boolean {
  return readToken(token, 'verify-email', now, getSecret()) !== undefined;
}

export async function verifyEmail(token: string, now: Date): Promise<{ kind: 'verified' | 'already' | 'invalid' } | Unavailable> {
  const claims = readToken(token, 'verify-email', now, getSecret());
  if (!claims) return { kind: 'invalid' };
  return withDatabase('verify-email', async (db) => {
    const [row] = await db.select({ status: users.status }).from(users).where(eq(users.id, claims.userId));
    if (!row) return { kind: 'invalid' } as const;
    if (row.status === 'verified' || row.status === 'active') return { kind: 'already' } as const;
    if (row.status !== 'unverified' || fingerprint(row.status) !== claims.fingerprint) return { kind: 'invalid' } as const;
    await db.update(users).set({ status: 'verified' }).where(eq(users.id, claims.userId));
    return { kind: 'verified' } as const;
  });
}
