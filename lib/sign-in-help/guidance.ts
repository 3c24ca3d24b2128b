import { contactForLocale } from '@/lib/accounts/contact-message';
import 'server-only';
import type { AccountRecord } from '@/lib/accounts/repository';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import type { Database } from '@/lib/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { sendEmail } from '@/lib/mail/mailer';
import { contactDetailsEmail } from '@/lib/mail/templates';
import { factsFor, unknownAccountFacts } from './engine';
import type { Facts } from './flow';
import type { OutcomeId } from './types';

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

export function factsOf(account: AccountRecord | undefined, now: Date, ignorePrivacy = false): Facts {
  if (!account) return unknownAccountFacts;
  return factsFor(deriveAccountState(account, now), account, {
    hasContactDetails: account.site.hasContactDetails,
    privacyMode: ignorePrivacy ? false : account.site.privacyMode,
  });
}

/** In privacy mode: the guidance for what the account's situation really is, by email to the account. */
export async function mailGuidance(db: Database, account: AccountRecord, outcome: OutcomeId, locale: Locale): Promise<void> {
  const situation =
    outcome === 'directory-removed' || outcome === 'directory-disabled'
      ? 'directory'
      : outcome === 'admin-locked-out'
        ? 'site-administrator-locked-out'
        : 'site-administrator';
  const mail = contactDetailsEmail(locale, await loadMessages(locale), {
    siteName: account.site.name,
    situation,
    contact: contactForLocale(account.site.contact, locale),
    hasContactDetails: account.site.hasContactDetails,
    csm: { ...account.site.organization.csm, message: null },
  });
  await sendEmail(db, { to: account.email, kind: 'contact-details', locale, ...mail });
}
