import type { Page } from '@playwright/test';
import { expect, ownServerTest as test } from './support/fixtures';
import { translator, type TestLocale } from './support/messages';

/**
 * Sign-in help that gets people unblocked (issue 12), in English and Czech: one answer for each
 * demo account on forgot-password and sign-in help, the directory outcome with the contact the
 * site published, dates and reference codes, the address shown back, a rate limit that still
 * helps, and privacy mode for an unverified and a multi-site address. On a server of its own: it
 * switches privacy mode and spends per-address limits.
 */

const referencePattern = /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Each deactivated demo account, the outcome both pages give it, and the card that reaches the one party who can help. */
const deactivated = [
  { email: 'deactivated.host@acme.example', outcome: 'siteAdminContact', card: 'SignInHelp.card.siteTitle', mail: 'help@acme.example' },
  { email: 'deactivated.host@globex.example', outcome: 'findSiteAdmin', card: null, mail: null },
  { email: 'locked.admin@acme.example', outcome: 'adminLockedOut', card: 'SignInHelp.card.csmTitle', mail: 'maria.lindqvist@success.example' },
  { email: 'ad.removed@acme.example', outcome: 'directoryRemoved', card: 'SignInHelp.card.publishedTitle', mail: 'help@acme.example' },
  { email: 'ad.disabled@acme.example', outcome: 'directoryDisabled', card: 'SignInHelp.card.publishedTitle', mail: 'help@acme.example' },
] as const;
const working = ['active.host@acme.example', 'verified.host@acme.example', 'unverified.host@acme.example', 'site.admin@acme.example', 'nobody.here@acme.example'];

async function forgotPassword(page: Page, locale: TestLocale, email: string) {
  const t = translator(locale);
  await page.goto(`/${locale}/forgot-password`);
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
  await page.waitForURL(new RegExp(`/${locale}/forgot-password/sent$`));
}

async function signInHelp(page: Page, locale: TestLocale, email: string) {
  const t = translator(locale);
  await page.goto(`/${locale}/sign-in-help/deactivated`);
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
}

for (const locale of ['en', 'cs'] as const) {
  test.describe(`one answer on every page, in ${locale}`, () => {
    for (const account of deactivated) {
      test(`${account.email}: forgot-password and sign-in help agree`, async ({ page }) => {
        const t = translator(locale);
        await forgotPassword(page, locale, account.email);
        const main = page.getByRole('main');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ForgotPassword.deactivatedTitle'));
        await expect(main.getByRole('heading', { level: 2 }).first()).toHaveText(t(`SignInHelp.outcome.${account.outcome}.title`));
        await expect(main).toContainText(t(`SignInHelp.outcome.${account.outcome}.body`));
        // The fixed sentence above names no party of its own.
        await expect(main).toContainText(t('ForgotPassword.deactivated'));
        if (account.card) await expect(main.getByRole('heading', { name: t(account.card) })).toBeVisible();
        // A reference code of its own, with a copy button and an email that carries it.
        const code = referencePattern.exec(await main.innerText())?.[0];
        expect(code).toBeDefined();
        await expect(main.getByRole('button', { name: t('SignInHelp.reference.copy') })).toBeVisible();
        if (account.mail) {
          const link = main.getByRole('link', { name: t('SignInHelp.reference.mailLink') });
          const href = (await link.getAttribute('href'))!;
          expect(href.startsWith(`mailto:${account.mail}?`)).toBe(true);
          const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
          expect(query.get('subject')).toBe(t('SignInHelp.reference.mailSubject', { code: code! }));
          expect(query.get('body')).toContain(code!);
        } else {
          await expect(main.getByRole('link', { name: t('SignInHelp.reference.mailLink') })).toHaveCount(0);
        }
        const forgotText = await main.innerText();

        // Sign-in help says the same: the same title, explanation and card.
        await signInHelp(page, locale, account.email);
        await page.waitForURL(/\/sign-in-help\/result\/SP-/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(`SignInHelp.outcome.${account.outcome}.title`));
        await expect(main).toContainText(t(`SignInHelp.outcome.${account.outcome}.body`));
        if (account.card) await expect(main.getByRole('heading', { name: t(account.card) })).toBeVisible();
        for (const other of deactivated) {
          if (other.outcome === account.outcome) continue;
          expect(forgotText).not.toContain(t(`SignInHelp.outcome.${other.outcome}.body`));
          await expect(main).not.toContainText(t(`SignInHelp.outcome.${other.outcome}.body`));
        }
      });
    }

    test('a working, unverified or unknown address gets the neutral forgot-password page', async ({ page }) => {
      const t = translator(locale);
      for (const email of working) {
        await forgotPassword(page, locale, email);
        await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.sent'));
        await expect(page.getByRole('main')).not.toContainText(referencePattern);
      }
    });

    test('the deletion date is in the reader\'s calendar, with the days left', async ({ page }) => {
      const t = translator(locale);
      await signInHelp(page, locale, 'deactivated.host@acme.example');
      const date = new Date(Date.now() + 20 * 86_400_000);
      const formatted = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      const main = page.getByRole('main');
      await expect(main).toContainText(t('SignInHelp.retention.deletesIn', { days: 20 }));
      // Either side of midnight UTC while the test runs.
      const candidates = [date, new Date(date.getTime() - 86_400_000), new Date(date.getTime() + 86_400_000)].map((d) =>
        t('SignInHelp.retention.deletesOn', { date: formatted.format(d) }),
      );
      const text = await main.innerText();
      expect(candidates.some((candidate) => text.includes(candidate))).toBe(true);
    });

    test('the address typed is shown back, from the flash and never the URL, with a way to check again', async ({ page }) => {
      const t = translator(locale);
      await signInHelp(page, locale, 'deactivated.host@acme.exmaple');
      await page.waitForURL(/\/sign-in-help\/result\/SP-/);
      expect(page.url()).not.toContain('exmaple');
      const main = page.getByRole('main');
      await expect(main).toContainText('deactivated.host@acme.exmaple');
      await main.getByRole('link', { name: t('SignInHelp.typed.checkAgain') }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in-help/deactivated$`));
      await expect(page.getByLabel(t('Forms.emailLabel'))).toBeVisible();
    });

    test('a limit reached still gives the guidance, the articles and the support page, and says it protects the account', async ({ page, playwright, baseURL, clientAddress }) => {
      const t = translator(locale);
      // This test's client looks up twenty other addresses: its per-client limit.
      const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress, Origin: new URL(baseURL!).origin } });
      for (let index = 0; index < 20; index += 1) {
        await client.post(`/${locale}/sign-in-help/deactivated/lookup`, { form: { email: `probe${index}@example.com` } });
      }
      await client.dispose();
      await page.goto(`/${locale}/sign-in-help/deactivated`);
      await page.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@acme.example');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/${locale}/sign-in-help/deactivated`) && r.request().method() === 'GET'),
        page.getByRole('button', { name: t('SignInHelp.email.submit') }).click(),
      ]);
      expect(response.status()).toBe(429);
      const main = page.getByRole('main');
      await expect(main.getByRole('alert').first()).toHaveText(t('Forms.rateLimited', { minutes: 15 }));
      await expect(main).toContainText(t('SignInHelp.limited.protects'));
      await expect(main).toContainText(t('SignInHelp.unavailable.body'));
      await expect(main.getByRole('link', { name: t('SignInHelp.limited.support') })).toHaveAttribute('href', `/${locale}/support/contact`);
      await expect(main.locator(`a[href^="/${locale}/article/WBX89094/"]`)).toBeVisible();
    });
  });
}

test.describe('screens looked at', () => {
  test('a directory outcome in Arabic, with the published contact', async ({ page }, testInfo) => {
    const t = translator('ar');
    await signInHelp(page, 'ar', 'ad.removed@acme.example');
    await page.waitForURL(/\/sign-in-help\/result\/SP-/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('main').getByRole('heading', { name: t('SignInHelp.card.publishedTitle') })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('directory-ar.png'), fullPage: true });
  });

  test('the flow in Czech', async ({ page }, testInfo) => {
    await forgotPassword(page, 'cs', 'deactivated.host@acme.example');
    await page.screenshot({ path: testInfo.outputPath('forgot-password-cs.png'), fullPage: true });
    await signInHelp(page, 'cs', 'deactivated.host@acme.example');
    await page.waitForURL(/\/sign-in-help\/result\/SP-/);
    await page.screenshot({ path: testInfo.outputPath('result-cs.png'), fullPage: true });
  });
});

test.describe('privacy mode hides every state on screen', () => {
  test.describe.configure({ mode: 'serial' });

  for (const locale of ['en', 'cs'] as const) {
    test(`an unverified and a multi-site address get the neutral page and an email, in ${locale}`, async ({ page, browser, server, mailbox, signInAsAdmin }) => {
      const t = translator(locale);
      const user = await browser.newPage({ baseURL: server.baseURL });
      // Without privacy mode, the address on two sites is asked for its site.
      await signInHelp(user, locale, 'consultant@partner.example');
      await expect(user).toHaveURL(new RegExp(`/${locale}/sign-in-help/deactivated/site$`));

      await signInAsAdmin(page);
      await page.goto('/en/admin/contact');
      await page.getByLabel(translator('en')('Admin.contact.privacy')).check();
      await page.getByRole('button', { name: translator('en')('Admin.contact.save') }).click();
      await expect(page.getByRole('status').filter({ hasText: translator('en')('Admin.contact.saved') })).toBeVisible();
      try {
        const neutral = async (email: string) => {
          await signInHelp(user, locale, email);
          await user.waitForURL(/\/sign-in-help\/result\/SP-/);
          await expect(user.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.accountOk.title'));
          await expect(user.getByRole('main')).not.toContainText(t('SignInHelp.outcome.unverified.title'));
          await expect(user.getByRole('main').getByRole('button', { name: t('SignInHelp.actions.resendVerification') })).toHaveCount(0);
        };
        await neutral('unverified.host@acme.example');
        await mailbox.waitFor('unverified.host@acme.example', new RegExp(t('Mail.verification.subject')));
        await neutral('consultant@partner.example');
        const mail = await mailbox.waitFor('consultant@partner.example', new RegExp(t('Mail.contact.subject')));
        expect(mail.text).toContain('Globex');
        expect(mail.text).toMatch(referencePattern);
      } finally {
        await page.getByLabel(translator('en')('Admin.contact.privacy')).uncheck();
        await page.getByRole('button', { name: translator('en')('Admin.contact.save') }).click();
        await expect(page.getByRole('status').filter({ hasText: translator('en')('Admin.contact.saved') })).toBeVisible();
        await user.close();
      }
    });
  }
});
