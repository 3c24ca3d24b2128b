import { expect, linkIn, test } from './support/fixtures';
import { translator } from './support/messages';
import { prepareDatabase, startServer, type TestServer } from './support/servers';

/**
 * Tests that need a server of their own: they change accounts the shared
 * server's tests rely on, need data the demo does not have, or break the
 * database on purpose.
 */

test.describe('with the database unavailable', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server's cold start on a busy machine
    // Nothing listens on port 9: every query fails to connect.
    server = await startServer({ DATABASE_URL: 'postgres://signpost:x@127.0.0.1:9/signpost' });
  });
  test.afterAll(async () => server.stop());

  test('the readiness probe says so (503) while the liveness probe stays up', async ({ request }) => {
    const ready = await request.get(`${server.baseURL}/api/ready`);
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unavailable', rateLimits: 'not-configured' });
    expect(ready.headers()['retry-after']).toBe('5');
    expect((await request.get(`${server.baseURL}/api/health`)).status()).toBe(200);
  });

  test('sign-in help still answers, in Czech, with the guidance and the articles (503, no error page)', async ({ page }) => {
    const t = translator('cs');
    await page.goto(`${server.baseURL}/cs/sign-in-help/deactivated`);
    await page.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@acme.example');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/cs/sign-in-help/unavailable')),
      page.getByRole('button', { name: t('SignInHelp.email.submit') }).click(),
    ]);
    expect(response.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.unavailable.title'));
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.unavailable.body'));
    await expect(page.getByRole('main').locator('a[href^="/cs/article/WBX89094/"]')).toBeVisible();
    expect(server.output()).toContain('"level":"error"');
    expect(server.output()).not.toContain('deactivated.host');
  });

  test('forgot password still answers with the guidance', async ({ page }) => {
    const t = translator('en');
    await page.goto(`${server.baseURL}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill('active.host@acme.example');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.unavailable.title'));
  });

  test('articles, search and the support page are unaffected', async ({ page }) => {
    const article = await page.goto(`${server.baseURL}/en/article/WBX75907`);
    expect(article?.status()).toBe(200);
    const search = await page.request.get(`${server.baseURL}/api/search?q=deactivated&locale=en`);
    expect(search.status()).toBe(200);
    const support = await page.goto(`${server.baseURL}/en/support/contact?site=acme`);
    expect(support?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText(translator('en')('SignInHelp.unavailable.body'));
  });
});

test.describe('with an address on two sites and a site in privacy mode', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server's cold start on a busy machine
    const dataDir = prepareDatabase([
      `INSERT INTO users (site_id, email, status, deactivated_at, status_before_deactivation)
         SELECT id, 'twice@multi.example', 'inactive', now() - interval '1 day', 'active' FROM sites WHERE slug = 'globex'`,
      `INSERT INTO users (site_id, email, status) SELECT id, 'twice@multi.example', 'active' FROM sites WHERE slug = 'acme'`,
      `INSERT INTO organizations (name) VALUES ('Initech')`,
      `INSERT INTO sites (slug, name, organization_id, privacy_mode, contact_email)
         SELECT 'initech', 'Initech', id, true, 'it@initech.example' FROM organizations WHERE name = 'Initech'`,
      `INSERT INTO users (site_id, email, status, deactivated_at, status_before_deactivation)
         SELECT id, 'quiet@initech.example', 'inactive', now() - interval '2 days', 'active' FROM sites WHERE slug = 'initech'`,
    ]);
    server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
  });
  test.afterAll(async () => server.stop());

  test('sign-in help asks for the site only when the address is ambiguous, in Swedish', async ({ page }) => {
    const t = translator('sv');
    await page.goto(`${server.baseURL}/sv/sign-in-help/deactivated`);
    await page.getByLabel(t('Forms.emailLabel')).fill('Twice@Multi.example ');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page).toHaveURL(/\/sv\/sign-in-help\/deactivated\/site$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.site.title'));
    await expect(page.getByText(t('SignInHelp.progress', { current: 2, total: 3 }))).toBeVisible();

    await page.getByLabel(t('SignInHelp.site.label')).fill('no such site!');
    await page.getByRole('button', { name: t('SignInHelp.site.submit') }).click();
    await expect(page.getByText(t('SignInHelp.site.invalid')).first()).toBeVisible();
    await page.getByLabel(t('SignInHelp.site.label')).fill('initrode');
    await page.getByRole('button', { name: t('SignInHelp.site.submit') }).click();
    await expect(page.getByText(t('SignInHelp.site.unknown', { site: 'initrode' })).first()).toBeVisible();

    await page.getByLabel(t('SignInHelp.site.label')).fill('globex');
    await page.getByRole('button', { name: t('SignInHelp.site.submit') }).click();
    await page.waitForURL(/\/sv\/sign-in-help\/result\/SP-/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.findSiteAdmin.title'));
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.retention.deletesIn', { days: 29 }));
  });

  test('privacy mode: the page stays neutral and the guidance goes by email', async ({ page, mailbox }) => {
    const t = translator('en');
    await page.goto(`${server.baseURL}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill('quiet@initech.example');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.sent'));
    await expect(page.getByRole('main')).not.toContainText('it@initech.example');
    const mail = await mailbox.waitFor('quiet@initech.example', /reactivated/);
    expect(mail.text).toContain('it@initech.example');

    await page.goto(`${server.baseURL}/en/sign-in-help/deactivated`);
    await page.getByLabel(t('Forms.emailLabel')).fill('quiet@initech.example');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.accountOk.title'));
    await expect(page.getByRole('main')).not.toContainText('it@initech.example');
  });
});

test.describe('verifying an address', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server's cold start on a busy machine
    server = await startServer();
  });
  test.afterAll(async () => server.stop());

  test('the emailed link verifies the account once, after a button press', async ({ page, mailbox }) => {
    const t = translator('de');
    await page.goto(`${server.baseURL}/de/sign-in-help/verification`);
    await page.getByLabel(t('Forms.emailLabel')).fill('unverified.host@acme.example');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await page.getByRole('button', { name: t('SignInHelp.actions.resendVerification') }).click();
    const mail = await mailbox.waitFor('unverified.host@acme.example', new RegExp(t('Mail.verification.subject')));
    const link = linkIn(mail);

    await page.goto(`${server.baseURL}${link.pathname}`);
    await page.getByRole('button', { name: t('Verify.metaTitle') }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('Verify.done'));

    // The account is verified now: sign-in help says so.
    await page.goto(`${server.baseURL}/de/sign-in-help/verification`);
    await page.getByLabel(t('Forms.emailLabel')).fill('unverified.host@acme.example');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.accountOk.title'));

    // A forged link goes to the "link expired" page.
    const forged = await page.goto(`${server.baseURL}/de/verify-email/abc.def`);
    expect(forged?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ForgotPassword.linkExpiredTitle'));
  });
});

test.describe('a demo server on the production build', () => {
  test.describe.configure({ mode: 'serial' });
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server's cold start on a busy machine
    // No relay answers on port 9: every email lands in the outbox, which the development mailbox shows.
    server = await startServer({ SIGNPOST_ENV: 'demo', SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  test.afterAll(async () => server.stop());

  test('shows this server’s outbox in the development mailbox, rendered when asked, not at build time', async ({ page }) => {
    const t = translator('en');
    await page.goto(`${server.baseURL}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill('active.host@acme.example');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await page.waitForURL(/\/forgot-password\/sent$/);
    await expect
      .poll(async () => {
        const response = await page.goto(`${server.baseURL}/en/dev/mailbox`);
        return response?.status() === 200 && (await page.getByText('active.host@acme.example').count()) > 0;
      }, { timeout: 15_000 })
      .toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Mailbox.title'));
  });

  test('lists mail the relay did not take on the administrators\' Undelivered email page, without losing it', async ({ page }) => {
    const t = translator('en');
    await page.goto(`${server.baseURL}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill('verified.host@acme.example');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await page.waitForURL(/\/forgot-password\/sent$/);

    await page.goto(`${server.baseURL}/en/admin/sign-in`);
    await page.getByLabel(t('Admin.signIn.email')).fill('site.admin@acme.example');
    await page.getByLabel(t('Admin.signIn.password')).fill('signpost-demo-admin');
    await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
    await page.waitForURL(/\/en\/admin\/users$/);
    await page.getByRole('link', { name: t('Admin.nav.mail') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.mail.title'));
    // The worker tries the relay (nothing listens on port 9) a moment after the request: then it is listed.
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole('row').filter({ hasText: 'verified.host@acme.example' }).filter({ hasText: t('Admin.mail.kinds.passwordReset') }).count();
      }, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect(page.getByRole('row').filter({ hasText: 'verified.host@acme.example' }).first()).toContainText(t('Admin.mail.retrying'));
  });

  test('sends no Strict-Transport-Security: HSTS is decided by SIGNPOST_ENV when the server starts, not by the build', async ({ request }) => {
    const html = await (await request.get(`${server.baseURL}/en`)).text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    // A page through the proxy, a prerendered article the proxy never sees, a static file, a redirect, an API answer.
    for (const path of ['/en', '/en/article/WBX75907/how-do-i-contact-my-site-administrator', asset!, '/WBX75907', '/api/health']) {
      const response = await request.get(`${server.baseURL}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(400);
      expect(response.headers()['strict-transport-security'], path).toBeUndefined();
      expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    }
  });
});
