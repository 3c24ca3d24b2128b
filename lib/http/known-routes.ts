import { isProblem } from '@/lib/sign-in-help/engine';
import { parseReferenceCode } from '@/lib/sign-in-help/reference-code';

/**
 * Every route under `app/[locale]` (pages and route handlers), written as its
 * folder path. The proxy answers anything else with the localized 404 page
 * itself, because a `notFound()` thrown while rendering is not server-rendered
 * in Next 16.3+ (https://github.com/vercel/next.js/issues/62228). A unit test
 * keeps this list equal to the folders in `app/[locale]`.
 */
export const localizedRoutes = [
  '/',
  '/article/[id]/[[...slug]]',
  '/article-retired',
  '/search',
  '/sign-in-help',
  '/sign-in-help/[problem]',
  '/sign-in-help/[problem]/lookup',
  '/sign-in-help/[problem]/site',
  '/sign-in-help/[problem]/site/lookup',
  '/sign-in-help/result/[code]',
  '/sign-in-help/result/[code]/csm',
  '/sign-in-help/result/[code]/resend',
  '/sign-in-help/result/[code]/solved',
  '/sign-in-help/result/[code]/ask',
  '/sign-in-help/expired',
  '/sign-in-help/unavailable',
  '/forgot-password',
  '/forgot-password/submit',
  '/forgot-password/sent',
  '/reset-password/[token]',
  '/reset-password/[token]/save',
  '/verify-email/[token]',
  '/verify-email/[token]/confirm',
  '/reactivation-request/[token]',
  '/reactivation-request/[token]/confirm',
  '/link-expired',
  '/support/contact',
  '/feedback/[id]',
  '/feedback/[id]/vote',
  '/feedback/[id]/comment',
  '/admin',
  '/admin/sign-in',
  '/admin/sign-in/submit',
  '/admin/sign-out',
  '/admin/unavailable',
  '/admin/users',
  '/admin/users/[userId]/action',
  '/admin/users/[userId]/delete',
  '/admin/users/[userId]/confirm',
  '/admin/users/bulk',
  '/admin/users/bulk-confirm',
  '/admin/users/export',
  '/admin/contact',
  '/admin/contact/save',
  '/admin/diagnosis',
  '/admin/report',
  '/admin/report/export',
  '/admin/audit',
  '/admin/mail',
  '/admin/requests',
  '/admin/requests/[requestId]/decide',
  '/admin/audit/export',
  '/dev/mailbox',
] as const;

export type LocalizedRoute = (typeof localizedRoutes)[number];

/**
 * The route handlers: form posts, each answering with a redirect (or JSON for
 * a script). They skip the proxy (see proxy-matcher.ts): each validates its own
 * segments, and none is a page that needs the proxy's locale or flash handling.
 */
export const formPostRoutes = [
  '/sign-in-help/[problem]/lookup',
  '/sign-in-help/[problem]/site/lookup',
  '/sign-in-help/result/[code]/resend',
  '/sign-in-help/result/[code]/solved',
  '/sign-in-help/result/[code]/ask',
  '/forgot-password/submit',
  '/reset-password/[token]/save',
  '/verify-email/[token]/confirm',
  '/reactivation-request/[token]/confirm',
  '/feedback/[id]/vote',
  '/feedback/[id]/comment',
  '/admin/sign-in/submit',
  '/admin/sign-out',
  '/admin/users/[userId]/action',
  '/admin/users/bulk',
  '/admin/contact/save',
  '/admin/requests/[requestId]/decide',
] as const satisfies readonly LocalizedRoute[];

/** Route handlers that answer GET with a file: they go through the proxy like pages. */
export const downloadRoutes = ['/admin/report/export', '/admin/users/export', '/admin/audit/export'] as const satisfies readonly LocalizedRoute[];

/** Routes that exist outside production only. */
const developmentRoutes: ReadonlySet<LocalizedRoute> = new Set(['/dev/mailbox']);

/** Pages that always answer with this status (the page explains; the status tells machines). */
export const routeStatuses: Partial<Record<LocalizedRoute, number>> = {
  '/sign-in-help/expired': 404,
  '/sign-in-help/unavailable': 503,
  '/link-expired': 410,
  '/article-retired': 410,
  '/admin/unavailable': 503,
};

/** The page the proxy rewrites a retired article's URLs to (status 410, from `routeStatuses`). */
export const retiredPagePath = '/article-retired';

/** The page the proxy rewrites unknown paths to, with status 404. */
export const notFoundPagePath = '/page-not-found';

/** What a dynamic segment may hold: anything else is a 404 before rendering. */
const segmentValidators: Record<string, (value: string) => boolean> = {
  problem: (value) => isProblem(value) && value !== 'other',
  code: (value) => parseReferenceCode(value) !== undefined,
  // Loose on purpose: a link cut short or mangled by a mail program gets the "link expired" page (410), which says what to do.
  token: (value) => value.length <= 512 && /^[\w.-]+$/.test(value),
  id: (value) => /^[A-Za-z0-9]{3,16}$/.test(value),
  userId: (value) => /^\d{1,9}$/.test(value),
  requestId: (value) => /^\d{1,9}$/.test(value),
};

function matchesTemplate(template: string, segments: string[]): boolean {
  const parts = template.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('[[...')) return true;
    if (part.startsWith('[...')) return segments.length > i;
    const segment = segments[i];
    if (segment === undefined) return false;
    if (part.startsWith('[')) {
      const validate = segmentValidators[part.slice(1, -1)];
      if (validate && !validate(segment)) return false;
      continue;
    }
    if (part !== segment) return false;
  }
  return segments.length === parts.length;
}

/** The route a path after the locale prefix belongs to, if it is one of ours. */
export function matchLocalizedRoute(segments: string[], options: { development: boolean }): LocalizedRoute | undefined {
  // The problem step also takes "other" (it leads straight to search); its sub-steps do not.
  if (segments.length === 2 && segments[0] === 'sign-in-help' && segments[1] === 'other') return '/sign-in-help/[problem]';
  return localizedRoutes.find(
    (template) => matchesTemplate(template, segments) && (options.development || !developmentRoutes.has(template)),
  );
}

/** Whether the path after the locale prefix is one of our routes. */
export function isKnownLocalizedPath(segments: string[], options: { development: boolean } = { development: true }): boolean {
  return matchLocalizedRoute(segments, options) !== undefined;
}
