import type { Locale } from '@/lib/i18n/locales';

/** Every site administration URL, in one place for pages, route handlers and the proxy. */
export const adminPaths = {
  home: (locale: Locale) => `/${locale}/admin`,
  signIn: (locale: Locale) => `/${locale}/admin/sign-in`,
  signInSubmit: (locale: Locale) => `/${locale}/admin/sign-in/submit`,
  signOut: (locale: Locale) => `/${locale}/admin/sign-out`,
  unavailable: (locale: Locale) => `/${locale}/admin/unavailable`,
  users: (locale: Locale) => `/${locale}/admin/users`,
  userAction: (locale: Locale, id: number) => `/${locale}/admin/users/${id}/action`,
  confirmDelete: (locale: Locale, id: number) => `/${locale}/admin/users/${id}/delete`,
  contact: (locale: Locale) => `/${locale}/admin/contact`,
  contactSave: (locale: Locale) => `/${locale}/admin/contact/save`,
  diagnosis: (locale: Locale) => `/${locale}/admin/diagnosis`,
  report: (locale: Locale) => `/${locale}/admin/report`,
  reportExport: (locale: Locale) => `/${locale}/admin/report/export`,
  audit: (locale: Locale) => `/${locale}/admin/audit`,
} as const;
