import { createTranslator } from 'next-intl';
import type { Messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Localized plain-text emails. Pure: given the locale's messages and the facts,
 * a subject and a body (account recovery's own emails are in lib/account-recovery/emails.ts). Plain text on purpose: it reads everywhere, and no
 * value can turn into markup.
 */
export type Composed = { subject: string; text: string };
type Contact = { name: string | null; email: string | null; phone: string | null; message: string | null };

export function mailTranslator(locale: Locale, messages: Messages) {
  return createTranslator({ locale, messages, namespace: 'Mail' });
}

export function compose(t: ReturnType<typeof mailTranslator>, lines: Array<string | null | false>): string {
  return [t('greeting'), '', ...lines.filter((line): line is string => typeof line === 'string'), '', t('signature')].join('\n');
}

const contactLines = (contact: Contact) =>
  [contact.name, contact.email, contact.phone, contact.message].filter((v): v is string => Boolean(v?.trim())).map((v) => `  ${v}`);

/**
 * What a deactivated account needs to know, sent to its own address when the
 * site is in privacy mode (the page shows nothing about the account): whom to
 * contact, for the situation sign-in help found.
 */
export function contactDetailsEmail(
  locale: Locale,
  messages: Messages,
  facts: {
    siteName: string;
    situation: 'site-administrator' | 'directory' | 'site-administrator-locked-out';
    contact: Contact;
    hasContactDetails: boolean;
    csm: Contact;
  },
): Composed {
  const t = mailTranslator(locale, messages);
  const csm = contactLines(facts.csm);
  const site = { site: facts.siteName };
  const lead =
    facts.situation === 'directory'
      ? [t('contact.directory', site)]
      : facts.situation === 'site-administrator-locked-out'
        ? [t('contact.adminLockedOut', site)]
        : facts.hasContactDetails
          ? [t('contact.body', site), ...contactLines(facts.contact)]
          : [t('contact.noDetails', site)];
  const showCsm = facts.situation !== 'directory' && csm.length > 0;
  return {
    subject: t('contact.subject'),
    text: compose(t, [...lead, showCsm && '', showCsm && t('contact.csm'), ...(showCsm ? csm : [])]),
  };
}

export function reactivatedEmail(locale: Locale, messages: Messages, facts: { siteName: string }): Composed {
  const t = mailTranslator(locale, messages);
  return { subject: t('reactivated.subject'), text: compose(t, [t('reactivated.body', { site: facts.siteName })]) };
}
