import type { Locale } from '@/lib/i18n/locales';
import type { Problem } from '@/lib/sign-in-help/types';

/**
 * Every URL of the portal's pages and form routes, in one place for pages,
 * route handlers, components and emails. paths.test.ts checks each helper
 * against the route table (lib/http/known-routes.ts, itself checked against the
 * folders in app/[locale]), so a moved page fails a test instead of a link.
 * An article's full canonical URL (with its slug) comes from the content
 * facade (`getArticlePath`); `paths.article` is its short form, which the
 * article page redirects to the canonical one.
 */
const withQuery = (path: string, query: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])),
  ).toString();
  return search ? `${path}?${search}` : path;
};

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  article: (locale: Locale, id: string) => `/${locale}/article/${id}`,
  search: (locale: Locale, query?: string) => withQuery(`/${locale}/search`, { q: query }),
  pageNotFound: (locale: Locale) => `/${locale}/page-not-found`,
  supportContact: (locale: Locale) => `/${locale}/support/contact`,
  devMailbox: (locale: Locale) => `/${locale}/dev/mailbox`,
  feedback: {
    page: (locale: Locale, id: string) => `/${locale}/feedback/${id}`,
    vote: (locale: Locale, id: string) => `/${locale}/feedback/${id}/vote`,
    comment: (locale: Locale, id: string) => `/${locale}/feedback/${id}/comment`,
  },
  signInHelp: {
    start: (locale: Locale) => `/${locale}/sign-in-help`,
    email: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}`,
    lookup: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/lookup`,
    site: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/site`,
    siteLookup: (locale: Locale, problem: Problem) => `/${locale}/sign-in-help/${problem}/site/lookup`,
    result: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}`,
    csm: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/csm`,
    resend: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/resend`,
    solved: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/solved`,
    askReactivation: (locale: Locale, code: string) => `/${locale}/sign-in-help/result/${code}/ask`,
    expired: (locale: Locale) => `/${locale}/sign-in-help/expired`,
    unavailable: (locale: Locale) => `/${locale}/sign-in-help/unavailable`,
  },
  forgotPassword: {
    form: (locale: Locale) => `/${locale}/forgot-password`,
    submit: (locale: Locale) => `/${locale}/forgot-password/submit`,
    sent: (locale: Locale) => `/${locale}/forgot-password/sent`,
  },
  resetPassword: {
    page: (locale: Locale, token: string) => `/${locale}/reset-password/${token}`,
    save: (locale: Locale, token: string) => `/${locale}/reset-password/${token}/save`,
  },
  verifyEmail: {
    page: (locale: Locale, token: string) => `/${locale}/verify-email/${token}`,
    confirm: (locale: Locale, token: string) => `/${locale}/verify-email/${token}/confirm`,
  },
  /** The reactivation request's confirmation link (sent to the account's address) and its button. */
  reactivation: {
    page: (locale: Locale, token: string) => `/${locale}/reactivation-request/${token}`,
    confirm: (locale: Locale, token: string) => `/${locale}/reactivation-request/${token}/confirm`,
  },
  linkExpired: (locale: Locale) => `/${locale}/link-expired`,
  /** Where the proxy sends an article ID that was retired without a successor (410). */
  articleRetired: (locale: Locale) => `/${locale}/article-retired`,
  admin: {
    home: (locale: Locale) => `/${locale}/admin`,
    signIn: (locale: Locale) => `/${locale}/admin/sign-in`,
    signInSubmit: (locale: Locale) => `/${locale}/admin/sign-in/submit`,
    signOut: (locale: Locale) => `/${locale}/admin/sign-out`,
    unavailable: (locale: Locale) => `/${locale}/admin/unavailable`,
    users: (locale: Locale, search = '') => `/${locale}/admin/users${search}`,
    userAction: (locale: Locale, id: number) => `/${locale}/admin/users/${id}/action`,
    confirmDelete: (locale: Locale, id: number, back?: string) => withQuery(`/${locale}/admin/users/${id}/delete`, { back }),
    confirmAction: (locale: Locale, id: number, query: { action: 'deactivate' | 'remove-license'; license?: string; back?: string }) =>
      withQuery(`/${locale}/admin/users/${id}/confirm`, query),
    usersBulk: (locale: Locale) => `/${locale}/admin/users/bulk`,
    confirmBulk: (locale: Locale, query: { action: string; users: number[]; back?: string }) => {
      const search = new URLSearchParams([['action', query.action], ...query.users.map((id) => ['user', String(id)] as [string, string]), ...(query.back ? [['back', query.back] as [string, string]] : [])]);
      return `/${locale}/admin/users/bulk-confirm?${search.toString()}`;
    },
    usersExport: (locale: Locale, search = '') => `/${locale}/admin/users/export${search}`,
    contact: (locale: Locale) => `/${locale}/admin/contact`,
    contactSave: (locale: Locale) => `/${locale}/admin/contact/save`,
    diagnosis: (locale: Locale) => `/${locale}/admin/diagnosis`,
    report: (locale: Locale, range: { from?: string; to?: string } = {}) => withQuery(`/${locale}/admin/report`, range),
    reportExport: (locale: Locale, range: { days?: number; from?: string; to?: string } = {}) =>
      withQuery(`/${locale}/admin/report/export`, { from: range.from, to: range.to, days: range.days }),
    audit: (locale: Locale, search: string | number = '') =>
      typeof search === 'number' ? withQuery(`/${locale}/admin/audit`, { page: search }) : `/${locale}/admin/audit${search}`,
    auditExport: (locale: Locale, search = '') => `/${locale}/admin/audit/export${search}`,
    mail: (locale: Locale) => `/${locale}/admin/mail`,
    requests: (locale: Locale) => `/${locale}/admin/requests`,
    decideRequest: (locale: Locale, id: number) => `/${locale}/admin/requests/${id}/decide`,
  },
} as const;
