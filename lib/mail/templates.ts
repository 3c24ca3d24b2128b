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
 * site is in privacy mode (the page shows nothing about the account): the same
 * answer the page would give (lib/sign-in-help/outcome-model.ts): the one party
 * who can fix it, with the card the page would show, and the reference code.
 */
export function contactDetailsEmail(
  locale: Locale,
  messages: Messages,
  facts: {
    siteName: string;
    /** From the outcome model: who can fix it, and whether the site's published contact is how to reach them. */
    party: 'site-admin' | 'it-guidance' | 'directory' | 'csm';
    showsSiteContact: boolean;
    contact: Contact;
    csm: Contact;
    referenceCode: string | null;
    /** "Ask your administrator" by link, where the site's administrator can reactivate the account. */
    requestLink?: { url: string; hours: number } | null;
  },
): Composed {
  const t = mailTranslator(locale, messages);
  const csm = contactLines(facts.csm);
  const site = { site: facts.siteName };
  const published = facts.showsSiteContact ? contactLines(facts.contact) : [];
  let lead: string[];
  let csmFallback = false;
  switch (facts.party) {
    case 'directory':
      lead = [t('contact.directory', site), ...(published.length > 0 ? ['', t('contact.directoryCard'), ...published] : [])];
      break;
    case 'csm':
      lead = [t('contact.adminLockedOut', site), ...csm];
      break;
    case 'site-admin':
      lead = published.length > 0 ? [t('contact.body', site), ...published] : [t('contact.noDetails', site)];
      csmFallback = true;
      break;
    case 'it-guidance':
      lead = [t('contact.noDetails', site)];
      csmFallback = true;
      break;
  }
  const showCsm = csmFallback && csm.length > 0;
  return {
    subject: t('contact.subject'),
    text: compose(t, [
      ...lead,
      showCsm && '',
      showCsm && t('contact.csm'),
      ...(showCsm ? csm : []),
      facts.requestLink != null && '',
      facts.requestLink != null && t('contact.requestLink', { hours: facts.requestLink.hours }),
      facts.requestLink != null && facts.requestLink.url,
      facts.referenceCode !== null && '',
      facts.referenceCode !== null && t('contact.reference', { code: facts.referenceCode }),
    ]),
  };
}

export function reactivatedEmail(locale: Locale, messages: Messages, facts: { siteName: string }): Composed {
  const t = mailTranslator(locale, messages);
  return { subject: t('reactivated.subject'), text: compose(t, [t('reactivated.body', { site: facts.siteName })]) };
}
