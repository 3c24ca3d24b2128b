import { describe, expect, it } from 'vitest';
import { localizedRoutes, matchLocalizedRoute, notFoundPagePath, type LocalizedRoute } from '@/lib/http/known-routes';
import { paths } from './paths';

const locale = 'sv';
const code = 'SP-7K3M-Q9TX';
const token = 'abc.def';

/** Every helper, called once, and the route (from the route table) its URL must belong to. */
const cases: Record<string, [url: string, route: LocalizedRoute | typeof notFoundPagePath]> = {
  home: [paths.home(locale), '/'],
  article: [paths.article(locale, 'WBX15'), '/article/[id]/[[...slug]]'],
  search: [paths.search(locale, 'deactivated account'), '/search'],
  pageNotFound: [paths.pageNotFound(locale), notFoundPagePath],
  articleRetired: [paths.articleRetired(locale), '/article-retired'],
  supportContact: [paths.supportContact(locale), '/support/contact'],
  devMailbox: [paths.devMailbox(locale), '/dev/mailbox'],
  'feedback.page': [paths.feedback.page(locale, 'WBX15'), '/feedback/[id]'],
  'feedback.vote': [paths.feedback.vote(locale, 'WBX15'), '/feedback/[id]/vote'],
  'feedback.comment': [paths.feedback.comment(locale, 'WBX15'), '/feedback/[id]/comment'],
  'signInHelp.start': [paths.signInHelp.start(locale), '/sign-in-help'],
  'signInHelp.email': [paths.signInHelp.email(locale, 'deactivated'), '/sign-in-help/[problem]'],
  'signInHelp.lookup': [paths.signInHelp.lookup(locale, 'deactivated'), '/sign-in-help/[problem]/lookup'],
  'signInHelp.site': [paths.signInHelp.site(locale, 'verification'), '/sign-in-help/[problem]/site'],
  'signInHelp.siteLookup': [paths.signInHelp.siteLookup(locale, 'forgot-password'), '/sign-in-help/[problem]/site/lookup'],
  'signInHelp.result': [paths.signInHelp.result(locale, code), '/sign-in-help/result/[code]'],
  'signInHelp.csm': [paths.signInHelp.csm(locale, code), '/sign-in-help/result/[code]/csm'],
  'signInHelp.resend': [paths.signInHelp.resend(locale, code), '/sign-in-help/result/[code]/resend'],
  'signInHelp.solved': [paths.signInHelp.solved(locale, code), '/sign-in-help/result/[code]/solved'],
  'signInHelp.expired': [paths.signInHelp.expired(locale), '/sign-in-help/expired'],
  'signInHelp.unavailable': [paths.signInHelp.unavailable(locale), '/sign-in-help/unavailable'],
  'forgotPassword.form': [paths.forgotPassword.form(locale), '/forgot-password'],
  'forgotPassword.submit': [paths.forgotPassword.submit(locale), '/forgot-password/submit'],
  'forgotPassword.sent': [paths.forgotPassword.sent(locale), '/forgot-password/sent'],
  'resetPassword.page': [paths.resetPassword.page(locale, token), '/reset-password/[token]'],
  'resetPassword.save': [paths.resetPassword.save(locale, token), '/reset-password/[token]/save'],
  'verifyEmail.page': [paths.verifyEmail.page(locale, token), '/verify-email/[token]'],
  'reactivation.page': [paths.reactivation.page(locale, token), '/reactivation-request/[token]'],
  'reactivation.confirm': [paths.reactivation.confirm(locale, token), '/reactivation-request/[token]/confirm'],
  'signInHelp.askReactivation': [paths.signInHelp.askReactivation(locale, code), '/sign-in-help/result/[code]/ask'],
  'verifyEmail.confirm': [paths.verifyEmail.confirm(locale, token), '/verify-email/[token]/confirm'],
  linkExpired: [paths.linkExpired(locale), '/link-expired'],
  'admin.home': [paths.admin.home(locale), '/admin'],
  'admin.signIn': [paths.admin.signIn(locale), '/admin/sign-in'],
  'admin.signInSubmit': [paths.admin.signInSubmit(locale), '/admin/sign-in/submit'],
  'admin.signOut': [paths.admin.signOut(locale), '/admin/sign-out'],
  'admin.unavailable': [paths.admin.unavailable(locale), '/admin/unavailable'],
  'admin.users': [paths.admin.users(locale, '?status=inactive'), '/admin/users'],
  'admin.userAction': [paths.admin.userAction(locale, 42), '/admin/users/[userId]/action'],
  'admin.confirmDelete': [paths.admin.confirmDelete(locale, 42, '/sv/admin/users?page=2'), '/admin/users/[userId]/delete'],
  'admin.confirmAction': [paths.admin.confirmAction(locale, 42, { action: 'remove-license', license: 'Meetings' }), '/admin/users/[userId]/confirm'],
  'admin.usersBulk': [paths.admin.usersBulk(locale), '/admin/users/bulk'],
  'admin.confirmBulk': [paths.admin.confirmBulk(locale, { action: 'deactivate', users: [1, 2] }), '/admin/users/bulk-confirm'],
  'admin.usersExport': [paths.admin.usersExport(locale, '?status=inactive'), '/admin/users/export'],
  'admin.contact': [paths.admin.contact(locale), '/admin/contact'],
  'admin.contactSave': [paths.admin.contactSave(locale), '/admin/contact/save'],
  'admin.diagnosis': [paths.admin.diagnosis(locale), '/admin/diagnosis'],
  'admin.report': [paths.admin.report(locale), '/admin/report'],
  'admin.reportExport': [paths.admin.reportExport(locale, { days: 30 }), '/admin/report/export'],
  'admin.audit': [paths.admin.audit(locale, 2), '/admin/audit'],
  'admin.auditExport': [paths.admin.auditExport(locale, '?action=changes'), '/admin/audit/export'],
  'admin.mail': [paths.admin.mail(locale), '/admin/mail'],
  'admin.requests': [paths.admin.requests(locale), '/admin/requests'],
  'admin.decideRequest': [paths.admin.decideRequest(locale, 7), '/admin/requests/[requestId]/decide'],
};

function helperNames(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'function' ? [prefix + key] : helperNames(value as object, `${prefix}${key}.`),
  );
}

describe('paths', () => {
  it('has a case below for every helper', () => {
    expect(helperNames(paths).sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))('%s is a URL of its route in the route table', (_, [url, route]) => {
    const { pathname } = new URL(url, 'http://localhost');
    const [first, ...segments] = pathname.split('/').filter(Boolean);
    expect(first).toBe(locale);
    const found = route === notFoundPagePath ? `/${segments.join('/')}` : matchLocalizedRoute(segments, { development: true });
    expect(found).toBe(route);
  });

  it('reaches every route in the route table', () => {
    const reached = new Set(Object.values(cases).map(([, route]) => route));
    expect(localizedRoutes.filter((route) => !reached.has(route))).toEqual([]);
  });

  it('keeps query strings out of the path and encodes them', () => {
    expect(paths.search(locale, 'a&b c')).toBe('/sv/search?q=a%26b+c');
    expect(paths.search(locale)).toBe('/sv/search');
    expect(paths.admin.confirmDelete(locale, 7, '/sv/admin/users?page=2')).toBe('/sv/admin/users/7/delete?back=%2Fsv%2Fadmin%2Fusers%3Fpage%3D2');
  });
});
