import { contactForLocale } from '@/lib/accounts/contact-message';
import 'server-only';
import type { AccountRecord } from '@/lib/accounts/repository';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import type { Database } from '@/lib/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { contactDetailsEmail } from '@/lib/mail/templates';
import { decideOutcome, factsFor, unknownAccountFacts } from './engine';
import { signInHelpFlow, type Facts } from './flow';
import { guidanceFor, siteFactsOf } from './outcome-model';
import type { DiagnosisState, OutcomeId } from './types';

/**
 * What sign-in help and forgot-password share: the facts the flow's rules look
 * at for an account, the outcomes that mean "deactivated: here is whom to
 * contact", and (in privacy mode) that guidance sent by email instead of shown.
 */

export const deactivatedOutcomes: ReadonlySet<OutcomeId> = new Set([
  'site-admin-contact',
  'find-site-admin',
  'admin-locked-out',
  'directory-removed',
  'directory-disabled',
]);

/**
 * Outcomes where the site's own administrator can reactivate the account (deactivated, not managed
 * by the directory, not a site administrator), so the person may ask them to from sign-in help.
 */
export const requestableOutcomes: ReadonlySet<OutcomeId> = new Set(
  Object.values(signInHelpFlow.outcomes)
    .filter((outcome) => outcome.actions.includes('ask-reactivation'))
    .map((outcome) => outcome.id),
);

/** Whether this account may file a reactivation request now (privacy mode aside: it decides only where the offer is shown). */
export function canAskForReactivation(account: AccountRecord, now: Date): boolean {
  return requestableOutcomes.has(decideOutcome(signInHelpFlow, factsOf(account, now, true)).outcome);
}

/** Whether an address's accounts must stay hidden on screen: any of their sites keeps account details private. */
export function hidesAccounts(accounts: readonly AccountRecord[]): boolean {
  return accounts.some((account) => account.site.privacyMode);
}

/**
 * Whether privacy mode hid this account's situation on screen, so its specifics go by email: the
 * guidance for a deactivated account, a new verification link for an unverified one.
 */
export function mailsGuidance(account: AccountRecord, now: Date): boolean {
  if (!account.site.privacyMode) return false;
  const outcome = decideOutcome(signInHelpFlow, factsOf(account, now, true)).outcome;
  return deactivatedOutcomes.has(outcome) || outcome === 'unverified';
}

export function factsOf(account: AccountRecord | undefined, now: Date, ignorePrivacy = false): Facts {
  if (!account) return unknownAccountFacts;
  return factsFor(deriveAccountState(account, now), account, {
    hasContactDetails: account.site.hasContactDetails,
    privacyMode: ignorePrivacy ? false : account.site.privacyMode,
  });
}

/** What a diagnosis keeps of the account's state: never the address. */
export function diagnosisStateOf(account: AccountRecord | undefined, facts: Facts, now: Date, mailedGuidance: boolean): DiagnosisState {
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

/**
 * In privacy mode: the guidance for what the account's situation really is, by email to the
 * account: the outcome model's answer, as the page would have shown it.
 */
export async function mailGuidance(
  db: Database,
  account: AccountRecord,
  outcome: OutcomeId,
  locale: Locale,
  referenceCode: string | null,
  /** The reactivation request's confirmation link, where the outcome offers one (privacy mode shows no button). */
  requestLink?: { url: string; hours: number },
): Promise<void> {
  const guidance = guidanceFor(signInHelpFlow.outcomes[outcome], siteFactsOf(account.site), referenceCode);
  if (guidance.party === 'none') return;
  const mail = contactDetailsEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    party: guidance.party,
    showsSiteContact: guidance.card?.kind === 'site-contact',
    contact: contactForLocale(account.site.contact, locale),
    csm: { ...account.site.organization.csm, message: null },
    referenceCode,
    requestLink: requestLink ?? null,
  });
  await sendEmail(db, { to: account.email, kind: 'contact-details', locale, siteId: account.site.id, ...mail });
}
