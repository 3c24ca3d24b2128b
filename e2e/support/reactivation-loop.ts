import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, linkIn, type Mailbox } from './fixtures';
import { translator, type TestLocale } from './messages';
import type { TestServer } from './servers';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for a message with one argument: the text before the argument. */
const startOf = (text: string) => new RegExp(escape(text.split('§')[0]!));

/** axe-core's WCAG 2.2 A and AA rules, as the accessibility spec runs them. */
async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/**
 * The reactivation request, end to end, as the person and their administrator live it (issue 12):
 * `deactivated.host@acme.example` asks from sign-in help's outcome, confirms through the link that
 * arrives at the account's address, the site administrator sees the request on the Requests page
 * and reactivates it, the account is back (sign-in help says so), and the decision email arrives in
 * the person's language. Every email goes through the real mailer to the test SMTP server.
 */
export async function reactivationLoop(
  locale: TestLocale,
  fixtures: { page: Page; browser: Browser; server: TestServer; mailbox: Mailbox; signInAsAdmin: (page: Page, locale?: TestLocale) => Promise<void> },
): Promise<void> {
  const { page, browser, server, mailbox, signInAsAdmin } = fixtures;
  const t = translator(locale);
  const email = 'deactivated.host@acme.example';
  // A context of its own (axe needs one made with newContext): the person, not the administrator.
  const personContext = await browser.newContext({ baseURL: server.baseURL });
  const person = await personContext.newPage();
  try {
    await person.goto(`/${locale}/sign-in-help/deactivated`);
    await person.getByLabel(t('Forms.emailLabel')).fill(email);
    await person.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await person.waitForURL(/\/sign-in-help\/result\/SP-/);
    const resultUrl = person.url();
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.siteAdminContact.title'));

    await expectNoViolations(person, 'the outcome with the request button');
    await person.getByRole('button', { name: t('SignInHelp.actions.askReactivation') }).click();
    await expect(person.getByRole('status').filter({ hasText: t('SignInHelp.asked') })).toBeVisible();

    const confirmation = await mailbox.waitFor(email, new RegExp(escape(t('Mail.reactivation.confirmSubject'))));
    const link = linkIn(confirmation);
    expect(link.pathname).toMatch(new RegExp(`^/${locale}/reactivation-request/`));
    await person.goto(link.pathname);
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(t('Reactivation.metaTitle'));
    await expect(person.getByRole('main')).toContainText(t('Reactivation.intro', { site: 'Acme Corporation' }));
    await expectNoViolations(person, 'the confirmation page');
    await person.getByRole('button', { name: t('Reactivation.button') }).click();
    await expect(person.getByRole('status').filter({ hasText: t('Reactivation.filed') })).toBeVisible();
    // In this browser, a reload keeps saying it was sent (the flash); anywhere else (another
    // device, a mail scanner) the link is used up and files nothing more.
    await person.reload();
    await expect(person.getByRole('status').filter({ hasText: t('Reactivation.filed') })).toBeVisible();
    const elsewhere = await browser.newContext({ baseURL: server.baseURL });
    const again = await elsewhere.newPage();
    await again.goto(link.pathname);
    await expect(again).toHaveURL(new RegExp(`/${locale}/link-expired$`));
    await elsewhere.close();

    // The outcome now says a request is waiting, instead of offering another.
    await person.goto(resultUrl);
    await expect(person.getByRole('main')).toContainText(startOf(t('SignInHelp.requestPending', { date: '§' })));
    await expect(person.getByRole('button', { name: t('SignInHelp.actions.askReactivation') })).toHaveCount(0);

    // Each active administrator is told, in the language they use site administration in (English here).
    const toAdmin = await mailbox.waitFor('site.admin@acme.example', startOf(translator('en')('Mail.reactivation.adminSubject', { person: '§' })));
    expect(toAdmin.text).toContain(email);
    expect(toAdmin.text).toMatch(/SP-[0-9A-Z]{4}-[0-9A-Z]{4}/);

    await signInAsAdmin(page, locale);
    const ta = translator(locale);
    // The users list marks the account, and the mark leads to the Requests page.
    await expect(page.getByRole('link', { name: ta('Admin.users.requestPending') })).toHaveCount(1);
    // The reference code the person quotes leads the administrator to the waiting request too.
    const code = /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(resultUrl)![0];
    await page.goto(`/${locale}/admin/diagnosis?code=${code}`);
    await expect(page.getByRole('status').filter({ hasText: startOf(ta('Admin.diagnosis.requestWaiting', { date: '§' })) })).toBeVisible();
    await page.getByRole('navigation', { name: ta('Admin.nav.label') }).getByRole('link', { name: new RegExp(escape(ta('Admin.nav.requests'))) }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/admin/requests$`));
    const request = page.getByRole('article', { name: email });
    await expect(request).toContainText(ta('Admin.status.inactive'));
    await request.getByText(ta('Admin.requests.declineWithReason')).click();
    await expect(request.getByLabel(ta('Admin.requests.reason', { max: 500 }))).toBeVisible();
    await expectNoViolations(page, 'the Requests page with a pending request');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoViolations(page, 'the Requests page, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await request.getByRole('button', { name: ta('Admin.requests.reactivate') }).click();
    await expect(page.getByRole('status').filter({ hasText: ta('Admin.requests.notices.approved', { email }) })).toBeVisible();
    await expect(page.getByRole('article', { name: email })).toHaveCount(0);
    await expect(page.getByRole('table', { name: ta('Admin.requests.settledTitle') })).toContainText(email);

    // The account is back: sign-in help finds nothing blocking, and the decision arrived in the person's language.
    await person.goto(`/${locale}/sign-in-help/deactivated`);
    await person.getByLabel(t('Forms.emailLabel')).fill(email);
    await person.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(person.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.accountOk.title'));
    await mailbox.waitFor(email, new RegExp(escape(t('Mail.reactivated.subject'))));
  } finally {
    await personContext.close();
  }
}
