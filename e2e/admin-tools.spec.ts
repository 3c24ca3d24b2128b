import type { Page } from '@playwright/test';
import { expect, ownServerTest as test } from './support/fixtures';
import { translator } from './support/messages';

/**
 * Site administration's safer tools, on a server of their own (they change
 * accounts): confirmation with a reason, undo, licenses given back, several
 * users at once, the CSV export. Serial: each builds on what the previous did.
 */
test.describe.configure({ mode: 'serial' });

const t = translator('en');

function userRow(page: Page, email: string) {
  const exactly = new RegExp(`^${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return page.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: exactly }) });
}

test('deactivating asks for confirmation with a reason, and Undo restores the account; the audit log keeps both', async ({ page, signInAsAdmin }) => {
  await signInAsAdmin(page);
  const email = 'active.host@acme.example';
  await userRow(page, email).getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email }) }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users\/\d+\/confirm\?action=deactivate/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.deactivateTitle', { email }));
  // Cancel leaves the account as it was.
  await page.getByRole('link', { name: t('Admin.confirm.cancel') }).click();
  await expect(userRow(page, email)).toContainText(t('Admin.status.active'));

  await userRow(page, email).getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email }) }).click();
  await page.getByLabel(t('Admin.confirm.reason')).fill('Left the company');
  await page.getByRole('button', { name: t('Admin.confirm.deactivate') }).click();
  const notice = page.getByRole('status').filter({ hasText: t('Admin.done.deactivate', { email }) });
  await expect(notice).toContainText(t('Admin.undo.hint'));
  await expect(userRow(page, email)).toContainText(t('Admin.status.inactive'));
  await expect(userRow(page, email)).toContainText(/\d{4}/); // deactivated-on date

  await notice.getByRole('button', { name: t('Admin.undo.button') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.undo.done', { email }) })).toBeVisible();
  await expect(userRow(page, email)).toContainText(t('Admin.status.active'));

  await page.goto('/en/admin/audit');
  const log = page.getByRole('table', { name: t('Admin.audit.title') });
  await expect(log.getByRole('row').filter({ hasText: 'Left the company' })).toContainText(t('Admin.audit.events.deactivate'));
  await expect(log.getByRole('rowheader', { name: t('Admin.audit.events.undo') }).first()).toBeVisible();
});

test('an undo posted twice, or forged for another entry, changes nothing', async ({ page, signInAsAdmin }) => {
  await signInAsAdmin(page);
  const email = 'verified.host@acme.example';
  await userRow(page, email).getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email }) }).click();
  await page.getByRole('button', { name: t('Admin.confirm.deactivate') }).click();
  const undo = page.getByRole('status').getByRole('button', { name: t('Admin.undo.button') });
  const form = undo.locator('xpath=ancestor::form');
  const action = (await form.getAttribute('action'))!;
  const fields = Object.fromEntries(await form.locator('input[type=hidden]').evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value])));
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.undo.done', { email }) })).toBeVisible();

  const origin = new URL(page.url()).origin;
  const again = await page.request.post(action, { form: fields, headers: { Origin: origin }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  await page.goto('/en/admin/users');
  await expect(userRow(page, email)).toContainText(t('Admin.status.verified'));
  // An entry that is no deactivation (the sign-in) is not undone.
  const forged = await page.request.post(action, { form: { ...fields, undo: '1' }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(forged.status()).toBe(303);
  // Without the anti-forgery token: refused.
  const { csrf: _csrf, ...noToken } = fields;
  expect((await page.request.post(action, { form: noToken, headers: { Origin: origin }, maxRedirects: 0 })).status()).toBe(403);
});

test('a license removal is confirmed and can be undone, and a license can be assigned again', async ({ page, signInAsAdmin }) => {
  await signInAsAdmin(page);
  const email = 'site.admin@acme.example';
  const row = () => userRow(page, email);
  await row().getByRole('button', { name: t('Admin.users.removeLicense', { license: 'Webinars', email }) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.removeLicenseTitle', { license: 'Webinars', email }));
  await page.getByRole('button', { name: t('Admin.confirm.removeLicense') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.remove-license', { email }) })).toBeVisible();
  await expect(row().getByRole('button', { name: t('Admin.users.removeLicense', { license: 'Webinars', email }) })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: t('Admin.undo.button') }).click();
  await expect(row().getByRole('button', { name: t('Admin.users.removeLicense', { license: 'Webinars', email }) })).toBeVisible();

  await row().getByText(t('Admin.users.assignShort')).click();
  await row().getByLabel(t('Admin.users.assignLabel', { email })).selectOption('Events');
  await row().getByRole('button', { name: t('Admin.users.assign') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.assign-license', { email }) })).toBeVisible();
  await expect(row().getByRole('button', { name: t('Admin.users.removeLicense', { license: 'Events', email }) })).toBeVisible();
});

test('several users at once: resend invitations, and deactivate after a confirmation that lists them', async ({ page, mailbox, signInAsAdmin }) => {
  await signInAsAdmin(page);
  const unverified = 'unverified.host@acme.example';
  const synced = 'ad.removed@acme.example';
  await page.getByLabel(t('Admin.users.select', { email: unverified })).check();
  await page.getByLabel(t('Admin.users.select', { email: synced })).check();
  await page.getByLabel(t('Admin.users.bulkAction')).selectOption('resend-invitation');
  await page.getByRole('button', { name: t('Admin.users.bulkApply') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.bulk.done', { action: t('Admin.actions.resend-invitation'), done: 1, skipped: 1 }) })).toBeVisible();
  await mailbox.waitFor(unverified);

  await page.getByLabel(t('Admin.users.select', { email: unverified })).check();
  await page.getByLabel(t('Admin.users.select', { email: synced })).check();
  await page.getByLabel(t('Admin.users.bulkAction')).selectOption('deactivate');
  await page.getByRole('button', { name: t('Admin.users.bulkApply') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.bulk.title'));
  await expect(page.getByRole('listitem').filter({ hasText: unverified })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: synced })).toBeVisible();
  await page.getByLabel(t('Admin.confirm.reason')).fill('Quarterly clean-up');
  await page.getByRole('button', { name: t('Admin.bulk.confirm') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.bulk.done', { action: t('Admin.actions.deactivate'), done: 1, skipped: 1 }) })).toBeVisible();
  await expect(userRow(page, unverified)).toContainText(t('Admin.status.inactive'));

  // Nothing selected: said so, nothing done.
  await page.getByRole('button', { name: t('Admin.users.bulkApply') }).click();
  await expect(page.getByRole('alert').filter({ hasText: t('Admin.bulk.empty') })).toBeVisible();
});

test('the users list exports CSV as an attachment, filtered like the list, formula-safe, and only with a session', async ({ page, signInAsAdmin, playwright, server }) => {
  await signInAsAdmin(page);
  await expect(page.getByRole('columnheader', { name: t('Admin.users.lastSignIn') })).toBeAttached();
  await expect(page.getByRole('columnheader', { name: t('Admin.users.deactivatedOn') })).toBeAttached();
  const response = await page.request.get('/en/admin/users/export?status=inactive');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="signpost-users-acme-\d{4}-\d{2}-\d{2}\.csv"$/);
  const text = (await response.text()).replace(/^\uFEFF/, '');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('email,display_name,status,licenses,site_admin,directory_synced,last_sign_in_utc,deactivated_on_utc');
  expect(lines.slice(1).every((line) => line.includes(',inactive,'))).toBe(true);
  expect(lines.some((line) => line.startsWith('deactivated.host@acme.example,'))).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: t('Admin.users.export') }).click();
  expect((await download).suggestedFilename()).toMatch(/^signpost-users-acme-.*\.csv$/);

  const anonymous = await playwright.request.newContext({ baseURL: server.baseURL });
  expect((await anonymous.get('/en/admin/users/export', { maxRedirects: 0 })).status()).toBe(303);
  await anonymous.dispose();
});

test('the audit log filters by who, what and UTC days in the query (ids, no addresses), pages with its filter, and exports CSV', async ({ page, signInAsAdmin }) => {
  await signInAsAdmin(page);
  // Enough changes for a second page: a license assigned and removed again, 26 times, by form posts with the page's token.
  const email = 'deactivated.host@acme.example';
  const assign = userRow(page, email).locator('form').filter({ has: page.locator('input[name=action][value=assign-license]') });
  const action = (await assign.getAttribute('action'))!;
  const csrf = (await assign.locator('input[name=csrf]').inputValue())!;
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < 26; i++) {
    for (const form of [{ action: 'assign-license' }, { action: 'remove-license', confirm: 'yes', reason: `=round ${i}` }] as Array<Record<string, string>>) {
      const response = await page.request.post(action, { form: { csrf, license: 'Rooms', ...form }, headers: { Origin: origin }, maxRedirects: 0 });
      expect(response.status()).toBe(303);
    }
  }

  await page.goto('/en/admin/audit');
  await expect(page.getByText(t('Admin.audit.timeZone'))).toBeVisible();
  await expect(page.getByRole('columnheader', { name: t('Admin.audit.whenUtc') })).toBeVisible();
  await page.getByLabel(t('Admin.audit.whoFilter')).selectOption({ label: 'site.admin@acme.example' });
  await page.getByLabel(t('Admin.audit.whatFilter')).selectOption('user.remove-license');
  await page.getByRole('button', { name: t('Admin.users.apply') }).click();
  // Empty date fields are sent empty (a form without script); the ids, not addresses, name the actor.
  await expect(page).toHaveURL(/\/en\/admin\/audit\?actor=\d+&action=user.remove-license(&|$)/);
  expect(decodeURIComponent(page.url())).not.toContain('@');
  const log = page.getByRole('table', { name: t('Admin.audit.title') });
  // One from the removal undone above, 26 here.
  await expect(log.getByRole('rowheader')).toHaveCount(27);
  expect(new Set(await log.getByRole('rowheader').allTextContents())).toEqual(new Set([t('Admin.audit.events.removeLicense')]));

  await page.getByLabel(t('Admin.audit.whatFilter')).selectOption('changes');
  await page.getByRole('button', { name: t('Admin.users.apply') }).click();
  await expect(log.getByRole('rowheader', { name: t('Admin.audit.events.signIn') })).toHaveCount(0);
  const next = page.getByRole('navigation', { name: t('Admin.audit.pagination') }).getByRole('link', { name: t('Admin.users.next') });
  await expect(next).toHaveAttribute('href', /action=changes.*page=2/);
  await next.click();
  await expect(page.getByLabel(t('Admin.audit.whatFilter'))).toHaveValue('changes');
  await expect(log.getByRole('rowheader').first()).toBeVisible();

  // A day range in the future finds nothing.
  await page.getByLabel(t('Admin.audit.from')).fill('2999-01-01');
  await page.getByRole('button', { name: t('Admin.users.apply') }).click();
  await expect(page.getByText(t('Admin.audit.noMatch'))).toBeVisible();

  const csv = await page.request.get('/en/admin/audit/export?action=user.remove-license');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="signpost-audit-acme-[\d-]+\.csv"$/);
  const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('time_utc,actor,action,target,change,reason');
  expect(lines).toHaveLength(28);
  // The reasons typed as formulas are neutralized.
  expect(lines.some((line) => line.endsWith(",'=round 25"))).toBe(true);
});

test('on a phone in Arabic the audit log is a list of cards with whole addresses, read right to left', async ({ page, signInAsAdmin }, testInfo) => {
  const ar = translator('ar');
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page, 'ar');
  await page.goto('/ar/admin/audit');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const row = page.getByRole('table', { name: ar('Admin.audit.title') }).getByRole('row').filter({ hasText: 'deactivated.host@acme.example' }).first();
  expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('block');
  // The address stays on one line (it wraps only at @ and dots, and here it fits).
  const address = row.getByText('deactivated.host@acme.example');
  const box = (await address.boundingBox())!;
  const lineHeight = await address.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 24);
  expect(box.height).toBeLessThan(lineHeight * 2);
  await expect(address).toHaveAttribute('dir', 'ltr');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('audit-ar-phone.png') });
});

test('the report draws its charts as SVG on the server, each with its data table, over a chosen date range, without JavaScript', async ({ browser, server, page, signInAsAdmin }, testInfo) => {
  const reader = await browser.newPage({ baseURL: server.baseURL });
  await reader.goto('/en/article/WBX15');
  await reader.getByRole('button', { name: t('Feedback.yes') }).click();
  await reader.goto('/ja/search?q=zzqxv+nothing');
  await reader.goto('/en/sign-in-help/deactivated');
  await reader.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@acme.example');
  await reader.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
  await reader.waitForURL(/\/sign-in-help\/result\/SP-/);
  await reader.close();

  await signInAsAdmin(page);
  const noScript = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
  await noScript.addCookies(await page.context().cookies());
  const report = await noScript.newPage();
  await report.goto('/en/admin/report');

  const charts = [
    [t('Admin.report.feedbackPerArticle'), 'WBX15'],
    [t('Admin.report.missesPerLocale'), '日本語'],
    [t('Admin.report.outcomesPerDay'), t('Admin.report.day')],
  ] as const;
  for (const [title, expected] of charts) {
    const figure = report.getByRole('figure', { name: title });
    await expect(figure.locator('svg rect').first()).toBeVisible();
    await expect(figure.getByRole('img', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
    // The table is closed until asked for, and opens without script.
    await figure.getByText(t('Admin.report.dataTable', { chart: title })).click();
    await expect(figure.getByRole('table', { name: title })).toContainText(expected);
  }
  await report.screenshot({ path: testInfo.outputPath('report-charts.png'), fullPage: true });

  // A range in the past: nothing in it, no charts, and the export says the range.
  await report.getByLabel(t('Admin.report.from'), { exact: true }).fill('2025-01-01');
  await report.getByLabel(t('Admin.report.to'), { exact: true }).fill('2025-01-31');
  await report.getByRole('button', { name: t('Admin.report.show') }).click();
  await expect(report).toHaveURL(/from=2025-01-01&to=2025-01-31/);
  await expect(report.getByRole('figure')).toHaveCount(0);
  await expect(report.getByText(t('Admin.report.rangeShown', { from: '2025-01-01', to: '2025-01-31' }))).toBeVisible();
  const csv = await page.request.get('/en/admin/report/export?from=2025-01-01&to=2025-01-31');
  expect(csv.headers()['content-disposition']).toContain('signpost-report-acme-2025-01-31-31d.csv');
  await noScript.close();
});

test('the message for locked-out users in each language: readers see theirs, or the default, marked with its own language and direction', async ({ page, browser, server, signInAsAdmin }) => {
  await signInAsAdmin(page);
  await page.goto('/en/admin/contact');
  await page.getByLabel(t('Admin.contact.message')).fill('Call the help desk on weekdays.');
  await page.getByLabel(t('Admin.contact.messageLocale')).selectOption('en');
  await page.getByText(t('Admin.contact.perLocale')).click();
  await page.getByLabel(t('Admin.contact.messageIn', { language: 'العربية' })).fill('اتصل بمكتب المساعدة في أيام العمل.');
  await page.getByLabel(t('Admin.contact.messageIn', { language: 'Svenska' })).fill('Ring supporten \u202e vardagar.');
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  // A direction override in a message is refused, and what was typed comes back.
  await expect(page.getByText(t('Admin.contact.invalidCharacters')).first()).toBeVisible();
  await expect(page.getByLabel(t('Admin.contact.messageIn', { language: 'العربية' }))).toHaveValue('اتصل بمكتب المساعدة في أيام العمل.');
  await page.getByLabel(t('Admin.contact.messageIn', { language: 'Svenska' })).fill('Ring supporten på vardagar.');
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.contact.saved') })).toBeVisible();

  const reader = await browser.newPage({ baseURL: server.baseURL });
  const forgotPassword = async (locale: 'ar' | 'ja' | 'sv') => {
    const tl = translator(locale);
    await reader.goto(`/${locale}/forgot-password`);
    await reader.getByLabel(tl('Forms.emailLabel')).fill('deactivated.host@acme.example');
    await reader.getByRole('button', { name: tl('ForgotPassword.submit') }).click();
    await reader.waitForURL(/\/forgot-password\/sent$/);
  };
  await forgotPassword('ar');
  const arabic = reader.getByRole('main').getByText('اتصل بمكتب المساعدة في أيام العمل.');
  await expect(arabic).toHaveAttribute('lang', 'ar');
  await expect(arabic).toHaveAttribute('dir', 'rtl');
  await expect(reader.getByRole('main')).not.toContainText('Call the help desk');

  // Japanese has no message of its own: the default, in English, left to right inside the Japanese page.
  await forgotPassword('ja');
  const fallback = reader.getByRole('main').getByText('Call the help desk on weekdays.');
  await expect(fallback).toHaveAttribute('lang', 'en');
  await expect(fallback).toHaveAttribute('dir', 'ltr');

  // Sign-in help shows the reader's own too.
  const sv = translator('sv');
  await reader.goto('/sv/sign-in-help/deactivated');
  await reader.getByLabel(sv('Forms.emailLabel')).fill('deactivated.host@acme.example');
  await reader.getByRole('button', { name: sv('SignInHelp.email.submit') }).click();
  await reader.waitForURL(/\/sign-in-help\/result\/SP-/);
  await expect(reader.getByRole('main').getByText('Ring supporten på vardagar.')).toHaveAttribute('lang', 'sv');
  await reader.close();
});

test('without a session the new pages lead to sign-in and the exports and forms answer nothing', async ({ page, playwright, server }) => {
  for (const path of ['/en/admin/users/1/confirm?action=deactivate', '/en/admin/users/bulk-confirm?action=deactivate&user=1', '/en/admin/audit?action=changes', '/en/admin/report?from=2026-01-01']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/en\/admin\/sign-in$/);
  }
  const anonymous = await playwright.request.newContext({ baseURL: server.baseURL });
  for (const path of ['/en/admin/audit/export', '/en/admin/users/export', '/en/admin/report/export?from=2026-01-01']) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers()['location'], path).toMatch(/\/en\/admin\/sign-in$/);
  }
  // A form post without a session goes back to sign-in and changes nothing.
  const bulk = await anonymous.post('/en/admin/users/bulk', { form: { csrf: 'x', action: 'deactivate', confirm: 'yes', 'user-1': 'on' }, headers: { Origin: server.baseURL }, maxRedirects: 0 });
  expect(bulk.status()).toBe(303);
  expect(bulk.headers()['location']).toMatch(/\/en\/admin\/sign-in$/);
  await anonymous.dispose();
});
