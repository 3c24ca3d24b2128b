import 'server-only';
import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './locales';

/** The `[locale]` route param as a Locale; anything else is a 404, never a 500. */
export function parseLocaleParam(value: string): Locale {
  if (!isLocale(value)) notFound();
  return value;
}
