import type { Page } from '@playwright/test';
import { expect, linkIn, ownServerTest as test } from './support/fixtures';
import { translator, type TestLocale } from './support/messages';
import { policies } from '../lib/rate-limit/policies';

/**
 * Sign-in help with the demo accounts: every outcome, in English and Czech with
 * JavaScript on and in Swedish with JavaScript off (plain form posts). On a
 * server of its own: its lookups spend the demo accounts' per-address limits.
 */

type Expectation = {
  email: string;
  title: string;
  /** Days until deletion, or 'kept' for an account disabled in the directory. */
  retention?: number | 'kept';
  card?: { email: string; phone: string };
  articles: string[];
  /** The link or button the outcome offers. */
  action?: string;
};

const acmeContact = { email: 'help@acme.example', phone: '+12025550100' };
const acmeCsm = { email: 'maria.lindqvist@success.example', phone: '+12025550143' };

const accounts: Expectation[] = [
  { email: 'deactivated.host@acme.example', title: 'siteAdminContact', retention: 20, card: acmeContact, articles: ['WBX89094', 'WBX75907'], action: 'actions.cantReachAdmin' },
  { email: 'deactivated.host@globex.example', title: 'findSiteAdmin', retention: 5, articles: ['WBX75907', 'WBX89094'], action: 'actions.cantReachAdmin' },
  { email: 'locked.admin@acme.example', title: 'adminLockedOut', retention: 27, card: acmeCsm, articles: ['WBX15'] },
  // Directory accounts: IT must act, and the site's published contact is how to reach them.
  { email: 'ad.removed@acme.example', title: 'directoryRemoved', retention: 5, card: acmeContact, articles: ['ds8x4n'] },
  { email: 'ad.disabled@acme.example', title: 'directoryDisabled', retention: 'kept', card: acmeContact, articles: ['ds8x4n'] },
  { email: 'unverified.host@acme.example', title: 'unverified', articles: ['vf3m9q'], action: 'actions.resendVerification' },
  { email: 'active.host@acme.example', title: 'accountOk', articles: ['pw7r2k', 'WBX75907'], action: 'actions.resetPassword' },
  { email: 'verified.host@acme.example', title: 'accountOk', articles: ['pw7r2k', 'WBX75907'], action: 'actions.resetPassword' },
  { email: 'site.admin@acme.example', title: 'accountOk', articles: ['pw7r2k', 'WBX75907'], action: 'actions.resetPassword' },
  { email: 'nobody.here@acme.example', title: 'accountOk', articles: ['pw7r2k', 'WBX75907'], action: 'actions.resetPassword' },
];

const referencePattern = /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Steps 1 and 2 as a person does them: pick the problem, type the address, submit. */
async function diagnose(page: Page, locale: TestLocale, email: string, problem = 'problem.deactivated') {
  const t = translator(locale);
  await page.goto(`/${locale}/sign-in-help`);
  await expect(page.getByText(t('SignInHelp.progress', { current: 1, total: 3 }))).toBeVisible();
  await page.getByRole('link', { name: t(`SignInHelp.${problem}`) }).click();
  await expect(page.getByText(t('SignInHelp.progress', { current: 2, total: 3 }))).toBeVisible();
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
  await page.waitForURL(/\/sign-in-help\/result\/SP-/);
  await expect(page.getByText(t('SignInHelp.progress', { current: 3, total: 3 }))).toBeVisible();
}

async function expectOutcome(page: Page, locale: TestLocale, expected: Expectation) {
  const t = translator(locale);
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(`SignInHelp.outcome.${expected.title}.title`));
  await expect(page).toHaveTitle(new RegExp(t('SignInHelp.metaTitle')));

  if (expected.card) {
    await expect(main.locator(`a[href="mailto:${expected.card.email}"]`)).toHaveText(expected.card.email);
    await expect(main.locator(`a[href="tel:${expected.card.phone}"]`)).toBeVisible();
  } else {
    await expect(main.locator('a[href^="mailto:"]')).toHaveCount(0);
  }
  if (expected.card === acmeContact) {
    await expect(main).toContainText('Mention the reference code from sign-in help.');
  }

  if (typeof expected.retention === 'number') {
    await expect(main).toContainText(t('SignInHelp.retention.deletesIn', { days: expected.retention }));
  } else if (expected.retention === 'kept') {
    await expect(main).toContainText(t('SignInHelp.retention.keptIndefinitely'));
  } else {
    await expect(main).not.toContainText(t('SignInHelp.retention.deletesIn', { days: 1 }).slice(0, 12));
  }

  for (const id of expected.articles) {
    await expect(main.locator(`a[href^="/${locale}/article/${id}/"]`)).toBeVisible();
  }
  if (expected.action) {
    await expect(main.getByRole(expected.action === 'actions.resendVerification' ? 'button' : 'link', { name: t(`SignInHelp.${expected.action}`) })).toBeVisible();
  }

  // The reference code is on the page; the address is never in the URL, and the page shows it back
  // once (from the encrypted flash the lookup left), with a way to check another, so a typo shows.
  await expect(main.getByRole('heading', { name: t('SignInHelp.reference.title') })).toBeVisible();
  await expect(main).toContainText(referencePattern);
  expect(page.url()).not.toContain(expected.email.split('@')[0]!);
  expect((await main.innerText()).split(expected.email).length - 1).toBe(1);
  await expect(main.getByRole('link', { name: t('SignInHelp.typed.checkAgain') })).toBeVisible();
}

for (const locale of ['en', 'cs'] as const) {
  test.describe(`every outcome in ${locale}`, () => {
    for (const expected of accounts) {
      test(`${expected.email} → ${expected.title}`, async ({ page }) => {
        await diagnose(page, locale, expected.email);
        await expectOutcome(page, locale, expected);
      });
    }
  });
}

test.describe('every outcome in sv, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  for (const expected of accounts) {
    test(`${expected.email} → ${expected.title}`, async ({ page }) => {
      await diagnose(page, 'sv', expected.email);
      await expectOutcome(page, 'sv', expected);
    });
  }
});

test.describe('the flow', () => {
  test('an unknown address gets exactly the page a working account gets', async ({ page }) => {
    const pageText = async (email: string) => {
      await diagnose(page, 'en', email);
      const text = await page.getByRole('main').innerText();
      return text.replace(referencePattern, 'SP-XXXX-XXXX').replace(email, 'the address typed');
    };
    expect(await pageText('someone.unknown@nowhere.example')).toBe(await pageText('active.host@acme.example'));
  });

  test('"something else" leads to search in one step', async ({ page }) => {
    const t = translator('en');
    await page.goto('/en/sign-in-help');
    await page.getByRole('link', { name: t('SignInHelp.problem.other') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.search.title'));
    await expect(page.getByText(t('SignInHelp.progress', { current: 3, total: 3 }))).toBeVisible();
    await page.getByRole('main').getByRole('searchbox').fill('Your account is deactivated');
    await page.getByRole('main').getByRole('button', { name: t('Search.submit') }).click();
    await expect(page).toHaveURL(/\/en\/search\?q=/);
    await expect(page.getByRole('main').locator('a[href^="/en/article/WBX89094/"]').first()).toBeVisible();
  });

  test('"I can\'t reach my administrator" leads to the CSM, and back and forward keep each step', async ({ page }) => {
    const t = translator('en');
    await diagnose(page, 'en', 'deactivated.host@globex.example');
    const resultUrl = page.url();
    await page.getByRole('link', { name: t('SignInHelp.actions.cantReachAdmin') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.customerSuccessManager.title'));
    await expect(page.getByRole('main').locator('a[href="mailto:kenji.sato@success.example"]')).toBeVisible();
    await expect(page.getByRole('main').locator('a[href="tel:+81355550199"]')).toBeVisible();
    await expect(page.getByRole('main').locator('a[href^="/en/article/WBX15/"]')).toBeVisible();
    await expect(page.getByRole('main')).toContainText(resultUrl.split('/').pop()!);

    await page.goBack();
    await expect(page).toHaveURL(resultUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.findSiteAdmin.title'));
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.customerSuccessManager.title'));
  });

  test('a result link works in another browser and in another language', async ({ page, browser }) => {
    await diagnose(page, 'en', 'ad.disabled@acme.example', 'problem.forgotPassword');
    const code = referencePattern.exec(page.url())![0];
    const other = await browser.newPage();
    await other.goto(`/cs/sign-in-help/result/${code}`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(translator('cs')('SignInHelp.outcome.directoryDisabled.title'));
    await other.close();
  });

  test('"did this solve your problem?" is stored and shown again', async ({ page }) => {
    const t = translator('en');
    await diagnose(page, 'en', 'verified.host@acme.example', 'problem.verification');
    await page.getByRole('button', { name: t('SignInHelp.solved.no') }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('SignInHelp.solved.sorry'));
    await page.reload();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('SignInHelp.solved.sorry'));
    await expect(page.getByRole('button', { name: t('SignInHelp.solved.yes') })).toHaveCount(0);
  });

  test('an unknown or expired reference code explains itself', async ({ page }) => {
    const t = translator('sv');
    const response = await page.goto('/sv/sign-in-help/result/SP-AAAA-AAAA');
    expect(page.url()).toMatch(/\/sv\/sign-in-help\/expired$/);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.reference.notFoundTitle'));
    await expect(page.getByRole('link', { name: t('SignInHelp.startOver') }).first()).toBeVisible();
  });
});

test.describe('the verification email', () => {
  for (const locale of ['en', 'cs'] as const) {
    test(`is sent again from the result page, in ${locale}, and its link verifies the address`, async ({ page, mailbox, request }) => {
      const t = translator(locale);
      // The matrix above looks this account up too; this test resends, which it does not.
      await diagnose(page, locale, 'unverified.host@acme.example', 'problem.verification');
      await page.getByRole('button', { name: t('SignInHelp.actions.resendVerification') }).click();
      await expect(page.getByRole('main').getByRole('status')).toHaveText(t('SignInHelp.resent'));
      const mail = await mailbox.waitFor('unverified.host@acme.example', new RegExp(escapeRegExp(t('Mail.verification.subject'))));
      const link = linkIn(mail);
      expect(link.pathname).toMatch(new RegExp(`^/${locale}/verify-email/`));
      // Opening the link asks before it changes anything (mail scanners follow links).
      const preview = await request.get(link.pathname);
      expect(preview.status()).toBe(200);
    });
  }
});

test.describe('bad input', () => {
  test('an empty and a malformed address get inline messages and keep what was typed', async ({ page }) => {
    const t = translator('cs');
    await page.goto('/cs/sign-in-help/deactivated');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByRole('alert').first()).toContainText(t('Forms.emailEmpty'));
    await page.getByLabel(t('Forms.emailLabel')).fill('not an address <b>x</b>');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByText(t('Forms.emailInvalid')).first()).toBeVisible();
    await expect(page.getByLabel(t('Forms.emailLabel'))).toHaveValue('not an address <b>x</b>');
    await expect(page.locator('main b')).toHaveCount(0);
  });

  test('an address longer than 254 characters is refused with its own message', async ({ page }) => {
    const t = translator('en');
    await page.goto('/en/sign-in-help/deactivated');
    await page.getByLabel(t('Forms.emailLabel')).fill(`${'a'.repeat(250)}@acme.example`);
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByText(t('Forms.emailTooLong', { max: 254 })).first()).toBeVisible();
  });

  test('a post without a form body is a 400 page, not a 500', async ({ request, baseURL }) => {
    const post = await request.post('/en/sign-in-help/deactivated/lookup', {
      headers: { 'Content-Type': 'application/json', Origin: new URL(baseURL!).origin },
      data: '{"email": 1}',
      maxRedirects: 0,
    });
    expect(post.status()).toBe(303);
    const location = new URL(post.headers()['location']!, baseURL);
    expect(location.pathname).toBe('/en/sign-in-help/deactivated');
    // The form's page, opened with the cookie the post left, as a browser would.
    const flash = post
      .headersArray()
      .filter((header) => header.name.toLowerCase() === 'set-cookie')
      .map((header) => header.value.split(';')[0])
      .join('; ');
    expect(flash).not.toBe('');
    const page = await request.get(location.pathname, { headers: { Cookie: flash }, maxRedirects: 0 });
    expect(page.status()).toBe(400);
    expect(await page.text()).toContain(translator('en')('Forms.badRequest'));
  });

  test('a cross-site post is refused', async ({ request }) => {
    const response = await request.post('/en/sign-in-help/deactivated/lookup', {
      headers: { Origin: 'https://evil.example' },
      form: { email: 'active.host@acme.example' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test('an unknown problem in the URL is a 404', async ({ request }) => {
    const response = await request.get('/en/sign-in-help/hacked');
    expect(response.status()).toBe(404);
  });
});

test.describe('rate limits', () => {
  test('one client looking up many addresses is stopped with a localized 429', async ({ page, baseURL }) => {
    const t = translator('sv');
    // Twenty lookups of different addresses from one client are allowed...
    for (let index = 0; index < 20; index += 1) {
      const response = await page.request.post('/sv/sign-in-help/deactivated/lookup', {
        form: { email: `probe${index}@example.com` },
        headers: { Origin: new URL(baseURL!).origin },
      });
      expect(response.status(), `lookup ${index + 1}`).toBe(200);
    }
    // ...the next one, made in the browser, is refused with the wait in minutes.
    await page.goto('/sv/sign-in-help/deactivated');
    await page.getByLabel(t('Forms.emailLabel')).fill('one.more@example.com');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/sv/sign-in-help/deactivated') && r.request().method() === 'GET'),
      page.getByRole('button', { name: t('SignInHelp.email.submit') }).click(),
    ]);
    expect(response.status()).toBe(429);
    await expect(page.getByRole('alert').first()).toHaveText(t('Forms.rateLimited', { minutes: 15 }));
    await expect(page.getByLabel(t('Forms.emailLabel'))).toHaveValue('one.more@example.com');
  });

  test('a stranger repeating one address is stopped, and does not block that person\'s own help', async ({ playwright, baseURL }) => {
    const email = `target-${Date.now()}@example.com`;
    const lookup = async (ip: string) => {
      const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': ip, Origin: new URL(baseURL!).origin } });
      const status = (await client.post('/en/sign-in-help/deactivated/lookup', { form: { email } })).status();
      await client.dispose();
      return status;
    };
    const stranger: number[] = [];
    for (let index = 0; index <= policies.lookup.perEmailAndClient.points; index += 1) stranger.push(await lookup('10.250.0.9'));
    expect(stranger).toEqual([...Array<number>(policies.lookup.perEmailAndClient.points).fill(200), 429]);
    expect(await lookup('10.250.1.9')).toBe(200);
  });

  test('many clients looking up one address are stopped at the address\'s ceiling', async ({ playwright, baseURL }) => {
    const email = `spread-${Date.now()}@example.com`;
    const statuses: number[] = [];
    for (let index = 0; index <= policies.lookup.perEmail.points; index += 1) {
      const client = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { 'X-Forwarded-For': `10.249.${index}.9`, Origin: new URL(baseURL!).origin },
      });
      statuses.push((await client.post('/en/sign-in-help/deactivated/lookup', { form: { email } })).status());
      await client.dispose();
    }
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
