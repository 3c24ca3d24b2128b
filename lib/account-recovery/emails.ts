import type { Messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { compose, mailTranslator, type Composed } from '@/lib/mail/templates';

/** Account recovery's emails: the verification link and the password reset link. Pure, like lib/mail/templates.ts. */

export function verificationEmail(locale: Locale, messages: Messages, facts: { siteName: string; link: string; hours: number }): Composed {
  const t = mailTranslator(locale, messages);
  return {
    subject: t('verification.subject'),
    text: compose(t, [t('verification.body', { site: facts.siteName }), '', facts.link, '', t('verification.expires', { hours: facts.hours }), t('ignore')]),
  };
}

export function passwordResetEmail(locale: Locale, messages: Messages, facts: { siteName: string; link: string; minutes: number }): Composed {
  const t = mailTranslator(locale, messages);
  return {
    subject: t('reset.subject'),
    text: compose(t, [t('reset.body', { site: facts.siteName }), '', facts.link, '', t('reset.expires', { minutes: facts.minutes }), t('ignore')]),
  };
}
