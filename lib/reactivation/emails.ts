import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { compose, mailTranslator, type Composed } from '@/lib/mail/templates';

/**
 * The reactivation request's emails, plain text (see lib/mail/templates.ts): the confirmation link
 * to the account's own address, the request to each of the site's administrators (in the
 * administrator's language), and a decline to the person (in the language they asked in). The
 * approval is the reactivation email the users page sends too.
 */

export function confirmationEmail(locale: Locale, messages: Messages, facts: { siteName: string; link: string; hours: number; referenceCode: string | null }): Composed {
  const t = mailTranslator(locale, messages);
  return {
    subject: t('reactivation.confirmSubject'),
    text: compose(t, [
      t('reactivation.confirmBody', { site: facts.siteName }),
      '',
      facts.link,
      '',
      t('reactivation.confirmExpires', { hours: facts.hours }),
      facts.referenceCode !== null && t('contact.reference', { code: facts.referenceCode }),
      '',
      t('ignore'),
    ]),
  };
}

export function requestToAdminEmail(
  locale: Locale,
  messages: Messages,
  facts: { siteName: string; person: string; link: string; referenceCode: string | null; daysLeft: number | null },
): Composed {
  const t = mailTranslator(locale, messages);
  return {
    subject: t('reactivation.adminSubject', { person: facts.person }),
    text: compose(t, [
      t('reactivation.adminBody', { person: facts.person, site: facts.siteName }),
      facts.daysLeft !== null && t('reactivation.adminDaysLeft', { days: facts.daysLeft }),
      facts.referenceCode !== null && t('reactivation.adminReference', { code: facts.referenceCode }),
      '',
      t('reactivation.adminLink'),
      facts.link,
    ]),
  };
}

export function declinedEmail(locale: Locale, messages: Messages, facts: { siteName: string; reason: string }): Composed {
  const t = mailTranslator(locale, messages);
  return {
    subject: t('reactivation.declinedSubject'),
    text: compose(t, [t('reactivation.declinedBody', { site: facts.siteName }), '', `  ${facts.reason}`, '', t('reactivation.declinedNext')]),
  };
}

export function expiredEmail(locale: Locale, messages: Messages, facts: { siteName: string; days: number; link: string }): Composed {
  const t = mailTranslator(locale, messages);
  return { subject: t('reactivation.expiredSubject'), text: compose(t, [t('reactivation.expiredBody', { site: facts.siteName, days: facts.days }), '', facts.link]) };
}
