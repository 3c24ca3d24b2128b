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
