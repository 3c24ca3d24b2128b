import { getDirection, isLocale, type Locale } from '@/lib/i18n/locales';
import type { ContactDetails } from './types';

/**
 * The administrator's message for locked-out users as one reader sees it: the
 * one written for the reader's locale, else the default. Pure. With it, the
 * language it is written in, so the page can mark it (`lang`, and `dir` from
 * that language; `auto` when the language is not known).
 */
export function contactForLocale(contact: ContactDetails, locale: Locale): ContactDetails & { messageLang?: Locale; messageDir: 'ltr' | 'rtl' | 'auto' } {
  const own = contact.messages?.[locale]?.trim();
  if (own) return { ...contact, message: own, messageLang: locale, messageDir: getDirection(locale) };
  const lang = isLocale(contact.messageLocale) ? contact.messageLocale : undefined;
  return { ...contact, messageLang: lang, messageDir: lang ? getDirection(lang) : 'auto' };
}
