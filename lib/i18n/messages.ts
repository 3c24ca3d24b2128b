import type { MessageKeys, NestedKeyOf } from 'next-intl';
import type { Locale } from './locales';
import type en from '@/locales/en.json';

export type Messages = typeof en;

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import('@/locales/en.json'),
  sv: () => import('@/locales/sv.json'),
  cs: () => import('@/locales/cs.json'),
  de: () => import('@/locales/de.json'),
  fr: () => import('@/locales/fr.json'),
  ja: () => import('@/locales/ja.json'),
  ar: () => import('@/locales/ar.json'),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}

/** A message key under one namespace, checked against en.json (as `t` checks it): for keys kept in data, like the sign-in help flow. */
export type MessageKey<Namespace extends keyof Messages> = MessageKeys<Messages[Namespace], NestedKeyOf<Messages[Namespace]>>;
