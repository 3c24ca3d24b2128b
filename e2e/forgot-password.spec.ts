import type { APIRequestContext, Page } from '@playwright/test';
import { expect, linkIn, ownServerTest as test } from './support/fixtures';
import { translator, type TestLocale } from './support/messages';
import { policies } from '../lib/rate-limit/policies';

/**
 * The forgot-password page with the demo accounts. Every address gets the same
 * HTTP answer; a deactivated account sees whom to contact; active and verified
 * accounts get a reset link by email. On a server of its own: its requests
 * spend the demo accounts' per-address limits.
 */

async function submit(page: Page, locale: TestLocale, email: string) {
  const t = translator(locale);
  await page.goto(`/${locale}/forgot-password`);
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
  await page.waitForURL(new RegExp(`/${locale}/forgot-password/sent$`));
}

/** The form post as an HTTP client sees it: status, where it leads, the cookie it sets (name and size). */
async function rawAnswer(request: APIRequestContext, origin: string, email: string) {
  const response = await request.post('/en/forgot-password/submit', {
    form: { email },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  const cookie = response.headers()['set-cookie'] ?? '';
  return {
    status: response.status(),
    location: response.headers()['location'],
    // The value's size, not its (encrypted) content; the expiry date, not the second it was sent.
    cookie: cookie.replace(/=[^;]*/, (value) => `=<${value.length - 1} bytes>`).replace(/Expires=[^;]*/, 'Expires=…'),
    headerNames: Object.keys(response.headers()).filter((name) => name !== 'date').sort(),
  };
}

test.describe('forgot password', () => {
  test('an unknown address and an active account get identical answers, and only the account gets an email', async ({
    page,
    request,
    mailbox,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const unknown = await rawAnswer(request, origin, 'not.a.user@acme.example');
    const active = await rawAnswer(request, origin, 'active.host@acme.example');
    expect(unknown.status).toBe(303);
    expect(active).toEqual(unknown);

    const t = translator('en');
    const pageFor = async (email: string) => {
      await submit(page, 'en', email);
      return page.getByRole('main').innerText();
    };
    const unknownPage = await pageFor('also.not.a.user@acme.example');
    expect(unknownPage).toContain(t('ForgotPassword.sent'));
    expect(await pageFor('verified.host@acme.example')).toBe(unknownPage);

    await mailbox.waitFor('active.host@acme.example', /Reset your password/);
    await mailbox.waitFor('verified.host@acme.example', /Reset your password/);
    expect(await mailbox.list('not.a.user@acme.example')).toEqual([]);
    expect(await mailbox.list('also.not.a.user@acme.example')).toEqual([]);
  });

  test('an unverified account gets the neutral message and no reset link', async ({ page, mailbox }) => {
    const t = translator('cs');
    await submit(page, 'cs', 'unverified.host@acme.example');
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.sent'));
    // A later email from the same server arriving first shows this one was never sent.
    await submit(page, 'cs', 'site.admin@acme.example');
    await mailbox.waitFor('site.admin@acme.example');
    expect(await mailbox.list('unverified.host@acme.example')).toEqual([]);
  });

  test('a deactivated account sees the contact details for site administration, in Swedish', async ({ page }) => {
    const t = translator('sv');
    await submit(page, 'sv', 'deactivated.host@acme.example');
    const main = page.getByRole('main');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ForgotPassword.deactivatedTitle'));
    await expect(main.getByRole('heading', { name: t('SignInHelp.card.siteTitle') })).toBeVisible();
    await expect(main.locator('a[href="mailto:help@acme.example"]')).toBeVisible();
    await expect(main.locator('a[href="tel:+12025550100"]')).toBeVisible();
    await expect(main).toContainText(t('SignInHelp.retention.deletesIn', { days: 20 }));
    await expect(main.locator('a[href="mailto:maria.lindqvist@success.example"]')).toBeVisible();
  });

  test('a deactivated account on a site without contact details gets the IT and CSM guidance, in Czech', async ({ page }) => {
    const t = translator('cs');
    await submit(page, 'cs', 'deactivated.host@globex.example');
    const main = page.getByRole('main');
    await expect(main).toContainText(t('SignInHelp.outcome.findSiteAdmin.it'));
    await expect(main.locator('a[href="mailto:kenji.sato@success.example"]')).toBeVisible();
    await expect(main.locator('a[href="mailto:help@acme.example"]')).toHaveCount(0);
  });

  test('a deactivated site administrator is sent to the CSM', async ({ page }) => {
    const t = translator('en');
    await submit(page, 'en', 'locked.admin@acme.example');
    const main = page.getByRole('main');
    await expect(main).toContainText(t('SignInHelp.outcome.adminLockedOut.body'));
    await expect(main.locator('a[href="mailto:maria.lindqvist@success.example"]')).toBeVisible();
  });

  test('accounts managed by the directory are sent to IT, with JavaScript off', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'X-Forwarded-For': '10.251.1.1' } });
    const page = await context.newPage();
    const t = translator('en');
    await submit(page, 'en', 'ad.removed@acme.example');
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.outcome.directoryRemoved.it'));
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.retention.deletesIn', { days: 5 }));
    await submit(page, 'en', 'ad.disabled@acme.example');
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.outcome.directoryDisabled.it'));
    await expect(page.getByRole('main')).toContainText(t('SignInHelp.retention.keptIndefinitely'));
    await context.close();
  });

  test('the reset link sets a new password once, with clear messages for bad input', async ({ page, browser, mailbox }) => {
    const t = translator('en');
    // The reset email goes out in the language of the page it was asked for on.
    await submit(page, 'en', 'site.admin@acme.example');
    const mail = await mailbox.waitFor('site.admin@acme.example', /Reset your password/);
    expect(mail.text).toContain('Acme Corporation');
    const link = linkIn(mail);
    expect(link.pathname).toMatch(/^\/en\/reset-password\//);

    await page.goto(link.pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ForgotPassword.newTitle'));
    await page.getByLabel(t('ForgotPassword.newLabel'), { exact: true }).fill('short');
    await page.getByLabel(t('ForgotPassword.confirmLabel')).fill('short');
    await page.getByRole('button', { name: t('ForgotPassword.save') }).click();
    await expect(page.getByText(t('ForgotPassword.tooShort', { min: 12 })).first()).toBeVisible();

    await page.getByLabel(t('ForgotPassword.newLabel'), { exact: true }).fill('correct horse battery staple');
    await page.getByLabel(t('ForgotPassword.confirmLabel')).fill('correct horse battery stable');
    await page.getByRole('button', { name: t('ForgotPassword.save') }).click();
    await expect(page.getByText(t('ForgotPassword.mismatch')).first()).toBeVisible();

    await page.getByLabel(t('ForgotPassword.newLabel'), { exact: true }).fill('correct horse battery staple');
    await page.getByLabel(t('ForgotPassword.confirmLabel')).fill('correct horse battery staple');
    await page.getByRole('button', { name: t('ForgotPassword.save') }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.saved'));

    // Reloading still shows the confirmation; elsewhere the spent link leads to a 410 page that says what to do.
    await page.reload();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.saved'));
    const elsewhere = await browser.newPage();
    const again = await elsewhere.goto(link.pathname);
    expect(elsewhere.url()).toMatch(/\/en\/link-expired$/);
    expect(again?.status()).toBe(410);
    await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText(t('ForgotPassword.linkExpiredTitle'));
    await elsewhere.close();
  });

  test('a forged or malformed reset link is a 410, never a 500', async ({ request }) => {
    for (const token of ['abc', 'eyJ1IjoxfQ.bad', '%E0%A4%A', 'x'.repeat(600)]) {
      const response = await request.get(`/en/reset-password/${token}`);
      expect(response.status(), token).toBeLessThan(500);
      expect([404, 410]).toContain(response.status());
    }
  });

  test('bad input keeps what was typed and says what is wrong', async ({ page }) => {
    const t = translator('de');
    await page.goto('/de/forgot-password');
    await page.getByLabel(t('Forms.emailLabel')).fill('name@');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await expect(page.getByText(t('Forms.emailInvalid')).first()).toBeVisible();
    await expect(page.getByLabel(t('Forms.emailLabel'))).toHaveValue('name@');
    await expect(page.getByLabel(t('Forms.emailLabel'))).toHaveAttribute('aria-invalid', 'true');
  });

  test('asking for one address too often, from many clients, is a 429 with the wait in minutes', async ({ page, playwright, baseURL }) => {
    const email = `often-${Date.now()}@example.com`;
    // Each client may ask a few times; the address as a whole reaches its ceiling only from many.
    for (let index = 0; index < policies.forgotPassword.perEmail.points; index += 1) {
      const client = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { 'X-Forwarded-For': `10.252.${index}.7`, Origin: new URL(baseURL!).origin },
      });
      expect((await client.post('/en/forgot-password/submit', { form: { email } })).status()).toBe(200);
      await client.dispose();
    }
    const t = translator('fr');
    await page.goto('/fr/forgot-password');
    await page.getByLabel(t('Forms.emailLabel')).fill(email);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/fr/forgot-password') && r.request().method() === 'GET'),
      page.getByRole('button', { name: t('ForgotPassword.submit') }).click(),
    ]);
    expect(response.status()).toBe(429);
    await expect(page.getByRole('alert').first()).toHaveText(t('Forms.rateLimited', { minutes: 15 }));
  });
});

test.describe('support contact', () => {
  test('shows a site\'s contact details, the CSM route and the articles', async ({ page }) => {
    const t = translator('sv');
    await page.goto('/sv/support/contact?site=acme');
    const main = page.getByRole('main');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SupportContact.forSite', { site: 'Acme Corporation' }));
    await expect(main.locator('a[href="mailto:help@acme.example"]')).toBeVisible();
    await expect(main.locator('a[href="mailto:maria.lindqvist@success.example"]')).toBeVisible();
    await expect(main.locator('a[href^="/sv/article/WBX75907/"]')).toBeVisible();
  });

  test('a site without details gets the IT guidance; the form works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const t = translator('cs');
    await page.goto('/cs/support/contact');
    await page.getByLabel(t('SupportContact.siteLabel')).fill('https://Globex.example.com/meet');
    await page.getByRole('button', { name: t('SupportContact.show') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SupportContact.forSite', { site: 'Globex' }));
    await expect(page.getByRole('main')).toContainText(t('SupportContact.noDetails'));
    await context.close();
  });

  test('an unknown or nonsense site gets a helpful page, with the input shown as text', async ({ page }) => {
    const t = translator('en');
    const response = await page.goto('/en/support/contact?site=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText(t('SupportContact.unknownSite', { site: '<script>alert(1)</script>' }));
    await expect(page.locator('main script')).toHaveCount(0);
    await page.goto('/en/support/contact?site=initech');
    await expect(page.getByRole('main')).toContainText(t('SupportContact.unknownSite', { site: 'initech' }));
    await expect(page.getByRole('main').locator('a[href^="/en/sign-in-help"]').first()).toBeVisible();
  });
});

test.describe('in production', () => {
  test('the development mailbox does not exist', async ({ request }) => {
    expect((await request.get('/dev/mailbox')).status()).toBe(404);
    expect((await request.get('/en/dev/mailbox')).status()).toBe(404);
  });
});
