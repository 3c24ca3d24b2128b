import { getTranslations } from 'next-intl/server';
import { contactForLocale } from '@/lib/accounts/contact-message';
import type { ContactDetails } from '@/lib/accounts/types';
import type { Locale } from '@/lib/i18n/locales';
import { ContactCardView, type ContactCardLabels } from './contact-card-view';

export async function contactCardLabels(locale: Locale): Promise<ContactCardLabels> {
  const t = await getTranslations({ locale, namespace: 'SignInHelp.card' });
  return { name: t('name'), email: t('email'), phone: t('phone'), message: t('message') };
}

/** The contact card in the reader's language, with the administrator's message for that language (or the default). */
export async function ContactCard({ locale, title, contact }: { locale: Locale; title: string; contact: ContactDetails }) {
  const shown = contactForLocale(contact, locale);
  return <ContactCardView title={title} labels={await contactCardLabels(locale)} contact={shown} messageLang={shown.messageLang} messageDir={shown.messageDir} />;
}
