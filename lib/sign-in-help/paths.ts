import type { Locale } from '@/lib/i18n/locales';
import type { Problem } from './types';

/** Every sign-in help and forgot-password URL, in one place for pages, routes and the proxy. */
export const signInHelpPaths = {
  start: (locale: Locale) => `/${locale}/sign-in-help`,
  email: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}`,
  lookup: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/lookup`,
  site: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/site`,
  siteLookup: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/site/lookup`,
  result: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}`,
  csm: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/csm`,
  resend: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/resend`,
  solved: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/solved`,
  expired: (locale: Locale) => `/${locale}/sign-in-help/expired`,
  unavailable: (locale: Locale) => `/${locale}/sign-in-help/unavailable`,
} as const;

export const forgotPasswordPaths = {
  form: (locale: Locale) => `/${locale}/forgot-password`,
  submit: (locale: Locale) => `/${locale}/forgot-password/submit`,
  sent: (locale: Locale) => `/${locale}/forgot-password/sent`,
  reset: (locale: Locale, token: string) => `/${locale}/reset-password/${token}`,
  linkExpired: (locale: Locale) => `/${locale}/link-expired`,
} as const;
