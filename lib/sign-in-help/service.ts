import 'server-only';
import { findAccountById, findAccountOnSite, findAccountsByEmail, findSite, type AccountRecord } from '@/lib/accounts/repository';
import { queueMailRequest } from '@/lib/account-recovery/mail-requests';
import { sendVerificationEmail } from '@/lib/account-recovery/service';
import type { Database } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locales';
import { consume } from '@/lib/rate-limit/limiter';
import { decideOutcome } from './engine';
import { signInHelpFlow } from './flow';
import { diagnosisStateOf, factsOf, hidesAccounts, mailsGuidance } from './guidance';
import { createDiagnosis, getDiagnosis, recordSolved } from './repository';
import type { OutcomeId, Problem } from './types';

/**
 * What the sign-in help routes do, in order: limit, look up, derive the
 * account's state, let the flow's rules decide, carry out what that outcome
 * needs, and record it. The database comes from the caller (through
 * withDatabase, which turns a failing database into "unavailable", so the
 * pages can still give the general guidance).
 */

type RateLimited = { kind: 'rate-limited'; retryAfterMs: number };

export type DiagnoseResult =
  | RateLimited
  | { kind: 'choose-site' }
  | { kind: 'unknown-site' }
  | { kind: 'diagnosed'; code: string; outcome: OutcomeId };

export async function diagnose(
  db: Database,
  input: { locale: Locale; problem: Problem; email: string; siteSlug?: string; clientIp: string; now: Date },
): Promise<DiagnoseResult> {
  const limit = await consume('lookup', { clientIp: input.clientIp, email: input.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  let account: AccountRecord | undefined;
  let mailedForSeveral = false;
  if (input.siteSlug !== undefined) {
    if (!(await findSite(db, { slug: input.siteSlug }))) return { kind: 'unknown-site' };
    account = await findAccountOnSite(db, input.email, input.siteSlug);
  } else {
    const accounts = await findAccountsByEmail(db, input.email);
    // The site question would tell that the address has accounts: not where a site keeps that private.
    if (accounts.length > 1 && !hidesAccounts(accounts)) return { kind: 'choose-site' };
    account = accounts.length === 1 ? accounts[0] : undefined;
    if (accounts.length > 1) mailedForSeveral = true;
  }

  const facts = factsOf(account, input.now);
  const { outcome } = decideOutcome(signInHelpFlow, facts);
  const mailed = mailedForSeveral || Boolean(account && mailsGuidance(account, input.now));
  const diagnosis = await createDiagnosis(
    db,
    {
      locale: input.locale,
      problem: input.problem,
      outcome,
      siteId: account?.site.id ?? null,
      subjectUserId: account?.id ?? null,
      state: diagnosisStateOf(account, facts, input.now, mailed),
    },
    input.now,
  );
  // The same queued request for every address: the mail worker sends the guidance when `mailed`,
  // so neither this answer's timing nor the work left on the server tells the cases apart.
  await queueMailRequest(
    db,
    { flow: 'sign-in-help', email: input.email, siteSlug: input.siteSlug ?? null, locale: input.locale, referenceCode: diagnosis.code },
    input.now,
  );
  return { kind: 'diagnosed', code: diagnosis.code, outcome };
}

export type ResendResult = RateLimited | { kind: 'sent' } | { kind: 'not-applicable' };

/** "Send the verification email again", from an unverified result. */
export async function resendVerification(db: Database, input: { code: string; locale: Locale; clientIp: string; now: Date }): Promise<ResendResult> {
  const diagnosis = await getDiagnosis(db, input.code, input.now);
  const account = diagnosis?.subjectUserId ? await findAccountById(db, diagnosis.subjectUserId) : undefined;
  // Every diagnosis of a known account names it; only an unverified result offers sending again.
  if (!account || diagnosis?.outcome !== 'unverified' || account.status !== 'unverified') return { kind: 'not-applicable' };
  const limit = await consume('resendVerification', { clientIp: input.clientIp, email: account.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  await sendVerificationEmail(db, account, input.locale, input.now);
  return { kind: 'sent' };
}

export type SolvedResult = RateLimited | { kind: 'recorded' };

/** "Did this solve your problem?": stored with the diagnosis. */
export async function recordAnswer(db: Database, input: { code: string; solved: boolean; clientIp: string }): Promise<SolvedResult> {
  const limit = await consume('feedback', { clientIp: input.clientIp });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  await recordSolved(db, input.code, input.solved);
  return { kind: 'recorded' };
}
