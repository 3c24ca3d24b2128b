import type { Page } from '@playwright/test';
import { demoAdmin, expect, ownServerTest as test } from './support/fixtures';
import { translator, type TestLocale } from './support/messages';

/**
 * Site administration, on a server of its own (these tests change accounts and
 * the site's contact details), in order: each builds on what the previous did.
 * Most tests reuse one session (`signInAsAdmin`); the sign-in form itself is
 * walked where it is the subject.
 */
test.describe.configure({ mode: 'serial' });

const demoPassword = demoAdmin.password;

/** Signs in through the form, as a person does: a session of this test's own. */
async function signInWithForm(page: Page, locale: TestLocale = 'en') {
  const t = translator(locale);
  await page.goto(`/${locale}/admin`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/sign-in$`));
  await page.getByLabel(t('Admin.signIn.email')).fill(demoAdmin.email);
  await page.getByLabel(t('Admin.signIn.password')).fill(demoPassword);
  await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/users$`));
}

async function diagnose(page: Page, locale: TestLocale, email: string) {
  const t = translator(locale);
  await page.goto(`/${locale}/sign-in-help/deactivated`);
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
  await page.waitForURL(/\/sign-in-help\/result\/SP-/);
}

/** The users list's row for exactly this address (not one that merely contains it). */
function userRow(page: Page, email: string) {
  const exactly = new RegExp(`^${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return page.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: exactly }) });
}

test('without a session every admin page leads to sign-in, and a wrong password gets one generic message', async ({ page }) => {
  const t = translator('en');
  for (const path of ['/en/admin', '/en/admin/users', '/en/admin/contact', '/en/admin/diagnosis', '/en/admin/report', '/en/admin/audit', '/en/admin/mail']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/en\/admin\/sign-in$/);
  }
  const csv = await page.request.get('/en/admin/report/export', { maxRedirects: 0 });
  expect(csv.status()).toBe(303);

  await page.getByLabel(t('Admin.signIn.email')).fill('site.admin@acme.example');
  await page.getByLabel(t('Admin.signIn.password')).fill('not the password');
  await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
  await expect(page.getByRole('alert').first()).toHaveText(t('Admin.signIn.refused'));
  await expect(page.getByLabel(t('Admin.signIn.email'))).toHaveValue('site.admin@acme.example');
  await expect(page.getByLabel(t('Admin.signIn.password'))).toHaveValue('');

  // A deactivated administrator gets exactly the same answer.
  await page.getByLabel(t('Admin.signIn.password')).fill(demoPassword);
  await page.getByLabel(t('Admin.signIn.email')).fill('locked.admin@acme.example');
  await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
  await expect(page.getByRole('alert').first()).toHaveText(t('Admin.signIn.refused'));
});

test('the session cookie is HttpOnly and SameSite=Lax, and holds no personal data', async ({ page, context }) => {
  await signInWithForm(page);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name.includes('signpost_admin'));
  expect(session).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
  expect(session!.name).toBe('__Host-signpost_admin');
  expect(Buffer.from(session!.value, 'base64url').length).toBeGreaterThanOrEqual(16);
  expect(session!.value).not.toContain('acme');
});

test('editing the contact details shows them on the forgot-password page and in sign-in help', async ({ page, browser, server, signInAsAdmin }) => {
  const t = translator('en');
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: t('Admin.nav.label') }).getByRole('link', { name: t('Admin.nav.contact') }).click();

  // Bad input: a clear message, and what was typed is kept.
  await page.getByLabel(t('Admin.contact.email')).fill('not-an-email');
  await page.getByLabel(t('Admin.contact.phone')).fill('call me maybe');
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  await expect(page.getByText(t('Admin.contact.invalidEmail')).first()).toBeVisible();
  await expect(page.getByText(t('Admin.contact.invalidPhone')).first()).toBeVisible();
  await expect(page.getByLabel(t('Admin.contact.phone'))).toHaveValue('call me maybe');

  await page.getByLabel(t('Admin.contact.name')).fill('Acme Service Desk (2nd line)');
  await page.getByLabel(t('Admin.contact.email')).fill('servicedesk@acme.example');
  await page.getByLabel(t('Admin.contact.phone')).fill('+1 202 555 0177');
  await page.getByLabel(t('Admin.contact.message')).fill('Open 24/7. <b>Quote</b> your reference code.');
  // The preview follows the form as it is typed.
  const preview = page.getByRole('region', { name: t('Admin.contact.preview') });
  await expect(preview.locator('a[href="mailto:servicedesk@acme.example"]')).toBeVisible();
  await expect(preview).toContainText('Open 24/7. <b>Quote</b> your reference code.');
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.contact.saved') })).toBeVisible();

  // What a locked-out user now sees, in another browser.
  const user = await browser.newPage({ baseURL: server.baseURL });
  await user.goto('/en/forgot-password');
  await user.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@acme.example');
  await user.getByRole('button', { name: t('ForgotPassword.submit') }).click();
  await expect(user.getByRole('main').locator('a[href="mailto:servicedesk@acme.example"]')).toBeVisible();
  await expect(user.getByRole('main').locator('a[href="tel:+12025550177"]')).toBeVisible();
  await expect(user.getByRole('main')).toContainText('Acme Service Desk (2nd line)');

  const sv = translator('sv');
  await diagnose(user, 'sv', 'deactivated.host@acme.example');
  await expect(user.getByRole('heading', { level: 1 })).toHaveText(sv('SignInHelp.outcome.siteAdminContact.title'));
  await expect(user.getByRole('main').locator('a[href="mailto:servicedesk@acme.example"]')).toBeVisible();
  await expect(user.getByRole('main')).toContainText('Open 24/7. <b>Quote</b> your reference code.');
  await expect(user.locator('main b')).toHaveCount(0);
  await user.close();
});

test('privacy mode keeps the details off the screen and sends them by email', async ({ page, browser, mailbox, server, signInAsAdmin }) => {
  const t = translator('en');
  await signInAsAdmin(page);
  await page.goto('/en/admin/contact');
  await page.getByLabel(t('Admin.contact.privacy')).check();
  await expect(page.getByRole('region', { name: t('Admin.contact.preview') })).toContainText(t('Admin.contact.previewPrivate'));
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.contact.saved') })).toBeVisible();

  const user = await browser.newPage({ baseURL: server.baseURL });
  await user.goto('/en/forgot-password');
  await user.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@acme.example');
  await user.getByRole('button', { name: t('ForgotPassword.submit') }).click();
  await expect(user.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.sent'));
  await expect(user.getByRole('main')).not.toContainText('servicedesk@acme.example');
  const mail = await mailbox.waitFor('deactivated.host@acme.example', /reactivated/);
  expect(mail.text).toContain('servicedesk@acme.example');
  await user.close();

  await page.getByLabel(t('Admin.contact.privacy')).uncheck();
  await page.getByRole('button', { name: t('Admin.contact.save') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.contact.saved') })).toBeVisible();
});

test('directory-synced users have their status actions disabled, with the reason', async ({ page, signInAsAdmin }) => {
  const t = translator('cs');
  await signInAsAdmin(page, 'cs');
  for (const email of ['ad.removed@acme.example', 'ad.disabled@acme.example']) {
    const row = userRow(page, email);
    await expect(row).toContainText(t('Admin.users.directory'));
    await expect(row).toContainText(t('Admin.reasons.directory-managed'));
    const reactivate = row.getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.reactivate'), email }) });
    await expect(reactivate).toBeDisabled();
  }
  await expect(userRow(page, 'ad.disabled@acme.example')).toContainText(t('Admin.users.keptDisabled'));
  await expect(userRow(page, 'ad.removed@acme.example')).toContainText(t('Admin.users.deletesIn', { days: 5 }));
});

test('reactivating a user: sign-in help then says the account is fine, and the user is told by email', async ({ page, mailbox, signInAsAdmin }) => {
  const t = translator('en');
  await diagnose(page, 'en', 'deactivated.host@acme.example');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(t('SignInHelp.outcome.accountOk.title'));

  await signInAsAdmin(page);
  await page.getByLabel(t('Admin.users.statusFilter')).selectOption('inactive');
  await page.getByRole('button', { name: t('Admin.users.apply') }).click();
  await expect(page).toHaveURL(/status=inactive/);
  const email = 'deactivated.host@acme.example';
  await userRow(page, email).getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.reactivate'), email }) }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.reactivate', { email }) })).toBeVisible();
  // Back on the list with its filter: the account is no longer inactive.
  await expect(page).toHaveURL(/status=inactive/);
  await expect(userRow(page, email)).toHaveCount(0);
  await mailbox.waitFor(email, /reactivated/i);

  await diagnose(page, 'en', email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.accountOk.title'));
});

test('deleting asks first, then deletes; deactivating records the status', async ({ page, signInAsAdmin }) => {
  const t = translator('en');
  await signInAsAdmin(page);
  await page.getByLabel(t('Admin.users.search')).fill('verified.host');
  await page.getByRole('button', { name: t('Admin.users.apply') }).click();
  const email = 'unverified.host@acme.example';
  await userRow(page, email).getByRole('link', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.delete'), email }) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.delete.title', { email }));
  await page.getByRole('link', { name: t('Admin.delete.cancel') }).click();
  await expect(userRow(page, email)).toBeVisible();

  const other = 'verified.host@acme.example';
  await userRow(page, other).getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email: other }) }).click();
  // Deactivating is asked once more (admin-tools.spec.ts covers the reason and the undo).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.deactivateTitle', { email: other }));
  await page.getByRole('button', { name: t('Admin.confirm.deactivate') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.deactivate', { email: other }) })).toBeVisible();
  await expect(userRow(page, other)).toContainText(t('Admin.users.deletesIn', { days: 30 }));

  await userRow(page, other).getByRole('link', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.delete'), email: other }) }).click();
  await page.getByRole('button', { name: t('Admin.delete.confirm') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.delete', { email: other }) })).toBeVisible();
  await expect(userRow(page, other)).toHaveCount(0);
});

test('a reference code from sign-in help is found in the lookup', async ({ page, signInAsAdmin }) => {
  const t = translator('en');
  await diagnose(page, 'en', 'ad.removed@acme.example');
  const code = /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
  await page.getByRole('button', { name: t('SignInHelp.solved.no') }).click();

  await signInAsAdmin(page);
  await page.goto('/en/admin/diagnosis');
  // Quoted the way people read codes out: lower case, without dashes.
  await page.getByLabel(t('Admin.diagnosis.code')).fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: t('Admin.diagnosis.submit') }).click();
  const result = page.getByRole('region', { name: code });
  await expect(result).toContainText(t('SignInHelp.outcome.directoryRemoved.title'));
  await expect(result).toContainText(t('Admin.diagnosis.directory'));
  await expect(result).toContainText(t('Admin.diagnosis.solvedNo'));
  await expect(result).not.toContainText('ad.removed@acme.example');

  await page.getByLabel(t('Admin.diagnosis.code')).fill('<script>');
  await page.getByRole('button', { name: t('Admin.diagnosis.submit') }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(t('Admin.diagnosis.invalid'));
});

test('another site stays out of reach: its user ids, its reference codes', async ({ page, signInAsAdmin }) => {
  const t = translator('en');
  // A Globex result, looked up as a locked-out Globex user would.
  await diagnose(page, 'en', 'deactivated.host@globex.example');
  const code = /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];

  await signInAsAdmin(page);
  await page.goto(`/en/admin/diagnosis?code=${code}`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(t('Admin.diagnosis.notFound'));

  // The Acme administrator's own form, posted with every plausible id that is not on Acme.
  await page.goto('/en/admin/users');
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const acmeIds = await page.locator('form[action*="/admin/users/"]').evaluateAll((forms) =>
    forms.map((form) => Number(/users\/(\d+)\//.exec(form.getAttribute('action') ?? '')?.[1])),
  );
  for (let id = 1; id <= 40; id++) {
    if (acmeIds.includes(id)) continue;
    const response = await page.request.post(`/en/admin/users/${id}/action`, {
      form: { csrf, action: 'reactivate', back: '/en/admin/users' },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status(), `user ${id}`).toBe(404);
  }
  // The Globex account is still deactivated.
  await diagnose(page, 'en', 'deactivated.host@globex.example');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.findSiteAdmin.title'));
});

test('forged requests are refused: no token, another origin, an internal header, no session', async ({ page, playwright, server, signInAsAdmin }) => {
  await signInAsAdmin(page);
  const origin = new URL(server.baseURL).origin;
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const action = await page.locator('form[action$="/action"]').first().getAttribute('action');

  const withoutToken = await page.request.post(action!, { form: { action: 'deactivate' }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(withoutToken.status()).toBe(403);
  const wrongToken = await page.request.post(action!, { form: { action: 'deactivate', csrf: `${csrf}x` }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(wrongToken.status()).toBe(403);
  const crossSite = await page.request.post(action!, { form: { action: 'deactivate', csrf }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  const internal = await page.request.post(action!, {
    form: { action: 'deactivate', csrf },
    headers: { Origin: origin, 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    maxRedirects: 0,
  });
  expect(internal.status()).toBe(403);
  const internalPage = await page.request.get('/en/admin/users', { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }, maxRedirects: 0 });
  expect(internalPage.status()).toBe(307);

  // A fresh client with no session: sent to sign in, nothing changed.
  const stranger = await playwright.request.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { Origin: origin } });
  const anonymous = await stranger.post(action!, { form: { action: 'deactivate', csrf }, maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers()['location']).toMatch(/\/en\/admin\/sign-in$/);
  await stranger.dispose();

  // GET never changes anything.
  const get = await page.request.get(action!, { maxRedirects: 0 });
  expect(get.status()).toBe(405);
});

test('the support report counts feedback, failed searches, untranslated pages and outcomes, and exports CSV', async ({ page, browser, server, signInAsAdmin }) => {
  const t = translator('en');
  const reader = await browser.newPage({ baseURL: server.baseURL });
  await reader.goto('/sv/article/WBX15');
  await reader.getByRole('button', { name: translator('sv')('Feedback.no') }).click();
  await reader.getByLabel(translator('sv')('Feedback.commentLabel')).fill('Ring mig på 070-123 45 67');
  await reader.getByRole('button', { name: translator('sv')('Feedback.send') }).click();
  await expect(reader.getByRole('region', { name: translator('sv')('Feedback.question') }).getByRole('status')).toHaveText(translator('sv')('Feedback.commentThanks'));
  await reader.goto('/de/search?q=zzqxv+qqwwk+070-1234567');
  await reader.goto('/ja/article/rc5t1h');
  await reader.close();

  await signInAsAdmin(page);
  await page.goto('/en/admin/report');
  const feedback = page.getByRole('table', { name: t('Admin.report.feedback') });
  await expect(feedback.getByRole('row').filter({ hasText: 'WBX15' }).filter({ hasText: 'Svenska' })).toContainText('1');
  await expect(page.getByRole('table', { name: t('Admin.report.comments') })).toContainText('Ring mig på [number]');
  const searches = page.getByRole('table', { name: t('Admin.report.searches') });
  await expect(searches).toContainText('zzqxv qqwwk [number]');
  await expect(searches).not.toContainText('1234567');
  await expect(page.getByRole('table', { name: t('Admin.report.fallbacks') }).getByRole('row').filter({ hasText: 'rc5t1h' })).toContainText('日本語');
  await expect(page.getByRole('table', { name: t('Admin.report.outcomes') })).toContainText(t('SignInHelp.outcome.directoryRemoved.title'));

  const download = await page.request.get('/en/admin/report/export?days=30');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(download.headers()['content-disposition']).toMatch(/attachment; filename="signpost-report-acme-\d{4}-\d{2}-\d{2}-30d\.csv"/);
  const csv = await download.text();
  expect(csv).toContain('section,article,locale,outcome,query');
  expect(csv).toContain('feedback,WBX15,sv');
  expect(csv).toContain('search_without_results,,de,,zzqxv qqwwk [number]');
  expect(csv).toContain('untranslated_page_views,rc5t1h,ja');
  expect(csv).toContain('sign_in_help_outcome,,,directory-removed');
});

test('the audit log lists who did what, and signing out ends the session on the server', async ({ page, context }) => {
  const t = translator('en');
  // A session of its own: signing out must not end the one the other tests share.
  await signInWithForm(page);
  await page.goto('/en/admin/audit');
  const log = page.getByRole('table', { name: t('Admin.audit.title') });
  await expect(log.getByRole('row').filter({ hasText: t('Admin.audit.events.reactivate') })).toContainText('deactivated.host@acme.example');
  await expect(log.getByRole('row').filter({ hasText: t('Admin.audit.events.contactDetails') }).first()).toContainText('site.admin@acme.example');
  await expect(log.getByRole('row').filter({ hasText: t('Admin.audit.events.delete') })).toContainText('verified.host@acme.example');

  const cookie = (await context.cookies()).find((c) => c.name === '__Host-signpost_admin')!;
  await page.getByRole('button', { name: t('Admin.signOut') }).click();
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
  await expect(page.getByRole('status').filter({ hasText: t('Admin.signIn.signedOut') })).toBeVisible();
  // The old cookie, replayed, no longer opens anything.
  await context.addCookies([{ ...cookie }]);
  await page.goto('/en/admin/users');
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
});

test('scripted requests without cookies count once per client and day: feedback votes and untranslated page views', async ({ page, server, signInAsAdmin }) => {
  // Node's fetch keeps no cookies: each request is a new browser as far as cookies go, all from one client.
  const client = { 'X-Forwarded-For': '10.77.77.77', Origin: server.baseURL };
  for (let i = 0; i < 6; i++) {
    const vote = await fetch(`${server.baseURL}/fr/feedback/WBX89094/vote`, {
      method: 'POST',
      headers: { ...client, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'helpful=no',
    });
    expect(vote.status).toBeLessThan(400);
    expect((await fetch(`${server.baseURL}/fr/article/rc5t1h`, { headers: client })).status).toBe(200);
  }
  await signInAsAdmin(page);
  const csv = await (await page.request.get('/en/admin/report/export?days=30')).text();
  const line = (prefix: string) => csv.split('\n').find((row) => row.startsWith(prefix))?.split(',');
  expect(line('feedback,WBX89094,fr')?.slice(5, 7)).toEqual(['0', '1']);
  expect(line('untranslated_page_views,rc5t1h,fr')?.[8]).toBe('1');
});
