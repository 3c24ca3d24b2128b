import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoAdmin, expect, ownServerTest as test } from './support/fixtures';
import { translator, type TestLocale } from './support/messages';

/**
 * axe-core (WCAG 2.2 A and AA rules) on every page type and every step of sign-in
 * help, in English, Japanese and Arabic (right to left); the whole sign-in help
 * flow with the keyboard alone; visible focus; reduced motion. On a server of
 * its own, so its many lookups do not spend the shared server's rate limits.
 */

// axe-core walks the whole page and the admin test signs in with scrypt: on a shared two-core CI
// machine either can take well past Playwright's default 30 s, which says nothing about accessibility.
test.describe.configure({ timeout: 120_000 });

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, what).toEqual([]);
}

async function lookUp(page: Page, locale: TestLocale, email: string, problem = 'deactivated') {
  const t = translator(locale);
  await page.goto(`/${locale}/sign-in-help/${problem}`);
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
  await page.waitForURL(/\/sign-in-help\/result\/SP-/);
}

const staticPages = [
  ['home', ''],
  ['article', '/article/WBX75907'],
  ['untranslated article', '/article/rc5t1h'],
  ['search results', '/search?q=account'],
  ['search with no results', '/search?q=zzqxv'],
  ['empty search', '/search'],
  ['not found', '/article/NOPE42'],
  ['sign-in help, step 1', '/sign-in-help'],
  ['sign-in help, step 2', '/sign-in-help/deactivated'],
  ['sign-in help, the site question', '/sign-in-help/deactivated/site'],
  ['sign-in help, something else', '/sign-in-help/other'],
  ['sign-in help, expired result', '/sign-in-help/expired'],
  ['sign-in help, unavailable', '/sign-in-help/unavailable'],
  ['forgot password', '/forgot-password'],
  ['link expired', '/link-expired'],
  ['support contact', '/support/contact?site=acme'],
  ['support contact, unknown site', '/support/contact?site=initech'],
  ['article feedback', '/feedback/WBX15'],
  ['site administration sign-in', '/admin/sign-in'],
] as const;

for (const locale of ['en', 'ja', 'ar'] as const) {
  test.describe(`${locale}`, () => {
    for (const [name, path] of staticPages) {
      test(`${name} has no WCAG violations`, async ({ page }) => {
        await page.goto(`/${locale}${path}`);
        await expectNoViolations(page, `${locale}${path}`);
      });
    }

    test('sign-in help step 2 with an error has no WCAG violations', async ({ page }) => {
      const t = translator(locale);
      await page.goto(`/${locale}/sign-in-help/deactivated`);
      await page.getByLabel(t('Forms.emailLabel')).fill('not an address');
      await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
      await expect(page.getByLabel(t('Forms.emailLabel'))).toHaveAttribute('aria-invalid', 'true');
      await expectNoViolations(page, 'step 2 with an error');
    });

    // One test per account state, so a slow page under load costs one test's time, not all of them.
    for (const email of [
      'deactivated.host@acme.example',
      'locked.admin@acme.example',
      'ad.removed@acme.example',
      'ad.disabled@acme.example',
      'unverified.host@acme.example',
      'nobody@acme.example',
    ]) {
      test(`the sign-in help outcome for ${email} has no WCAG violations`, async ({ page }) => {
        await lookUp(page, locale, email);
        await expectNoViolations(page, `outcome for ${email}`);
      });
    }

    test('the CSM page and the answered outcome have no WCAG violations', async ({ page }) => {
      const t = translator(locale);
      await lookUp(page, locale, 'deactivated.host@globex.example');
      await expectNoViolations(page, 'outcome for deactivated.host@globex.example');
      // Each step waits for its page: axe run during a navigation finds no document.
      await page.getByRole('link', { name: t('SignInHelp.actions.cantReachAdmin') }).click();
      await page.waitForURL(/\/sign-in-help\/result\/SP-[0-9A-Z-]+\/csm$/);
      await expectNoViolations(page, 'the CSM page');
      await page.goBack();
      await page.waitForURL(/\/sign-in-help\/result\/SP-[0-9A-Z-]+$/);
      await page.getByRole('button', { name: t('SignInHelp.solved.yes') }).click();
      await expect(page.getByRole('status').filter({ hasText: t('SignInHelp.solved.thanks') })).toBeVisible();
      await expectNoViolations(page, 'after answering');
    });

    test('the forgot-password answers have no WCAG violations', async ({ page }) => {
      const t = translator(locale);
      for (const email of ['active.host@acme.example', 'deactivated.host@acme.example', 'deactivated.host@globex.example']) {
        await page.goto(`/${locale}/forgot-password`);
        await page.getByLabel(t('Forms.emailLabel')).fill(email);
        await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
        await page.waitForURL(/\/forgot-password\/sent$/);
        await expectNoViolations(page, `forgot password for ${email}`);
      }
    });

    test('site administration has no WCAG violations', async ({ page, signInAsAdmin }) => {
      const t = translator(locale);
      await page.goto(`/${locale}/admin/sign-in`);
      await page.getByLabel(t('Admin.signIn.email')).fill(demoAdmin.email);
      await page.getByLabel(t('Admin.signIn.password')).fill('wrong');
      await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
      await expect(page.getByRole('alert').first()).toHaveText(t('Admin.signIn.refused'));
      await expectNoViolations(page, 'sign-in with an error');
      await signInAsAdmin(page, locale);
      for (const path of ['/admin/users', '/admin/users?status=inactive', '/admin/contact', '/admin/diagnosis?code=SP-AAAA-AAAA', '/admin/report', '/admin/audit', '/admin/mail', '/admin/requests']) {
        await page.goto(`/${locale}${path}`);
        await expectNoViolations(page, path);
      }
      const email = 'unverified.host@acme.example';
      await page.goto(`/${locale}/admin/users`);
      const deleteLink = page.locator('a[href*="/delete?back="]').first();
      await deleteLink.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, `delete confirmation (${email})`);
    });

    test('site administration in dark mode has no WCAG violations', async ({ page, signInAsAdmin }) => {
      const t = translator(locale);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`/${locale}/admin/sign-in`);
      await expectNoViolations(page, 'sign-in, dark');
      await signInAsAdmin(page, locale);
      for (const path of ['/admin/users', '/admin/contact', '/admin/diagnosis?code=SP-AAAA-AAAA', '/admin/report', '/admin/audit', '/admin/mail', '/admin/requests']) {
        await page.goto(`/${locale}${path}`);
        await expectNoViolations(page, `${path}, dark`);
      }
      const email = 'active.host@acme.example';
      // Confirmation pages only: nothing is carried out.
      await page.goto(`/${locale}/admin/users`);
      await page.getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email }) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.deactivateTitle', { email }));
      await expectNoViolations(page, 'deactivate confirmation, dark');
      await page.goto(`/${locale}/admin/users`);
      await page.locator('a[href*="/delete?back="]').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoViolations(page, 'delete confirmation, dark');
    });

    test('site administration tools (confirmations, filtered audit log, report charts, phone layout) have no WCAG violations', async ({ page, signInAsAdmin }) => {
      const t = translator(locale);
      await signInAsAdmin(page, locale);
      const email = 'active.host@acme.example';
      // Only the confirmation pages: nothing is carried out, so the other tests' accounts stay as they are.
      await page.getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email }) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.deactivateTitle', { email }));
      await expectNoViolations(page, 'deactivate confirmation');
      await page.goto(`/${locale}/admin/users`);
      await page.getByRole('button', { name: t('Admin.users.removeLicense', { license: 'Webinars', email }) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.confirm.removeLicenseTitle', { license: 'Webinars', email }));
      await expectNoViolations(page, 'license removal confirmation');
      await page.goto(`/${locale}/admin/users`);
      await page.getByLabel(t('Admin.users.select', { email })).check();
      await page.getByLabel(t('Admin.users.bulkAction')).selectOption('deactivate');
      await page.getByRole('button', { name: t('Admin.users.bulkApply') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.bulk.title'));
      await expectNoViolations(page, 'bulk confirmation');
      for (const path of ['/admin/audit?action=changes&from=2026-01-01', '/admin/report?from=2026-01-01']) {
        await page.goto(`/${locale}${path}`);
        await expectNoViolations(page, path);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/admin/users', '/admin/audit', '/admin/report']) {
        await page.goto(`/${locale}${path}`);
        await expectNoViolations(page, `${path} on a phone`);
      }
    });
  });
}

test.describe('keyboard alone', () => {
  test('sign-in help can be completed from the home page with the keyboard only, with focus always visible', async ({ page }) => {
    const t = translator('en');
    await page.goto('/en');
    const focusIsVisible = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return false;
        const style = getComputedStyle(element);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
    const tabTo = async (name: string | RegExp, role: 'link' | 'button' | 'textbox') => {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        const focused = page.locator(':focus');
        const matches = await focused.evaluate(
          (element, wanted) => {
            const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
            const role = element.tagName === 'A' ? 'link' : element.tagName === 'BUTTON' ? 'button' : element.tagName === 'INPUT' ? 'textbox' : '';
            return role === wanted.role && (wanted.name === '' || label.includes(wanted.name));
          },
          { name: typeof name === 'string' ? name : '', role },
        );
        if (matches) {
          expect(await focusIsVisible(), `focus ring on ${name}`).toBe(true);
          return;
        }
      }
      throw new Error(`could not reach ${role} "${name}" with Tab`);
    };

    await tabTo(t('Header.cantSignIn'), 'link');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/sign-in-help$/);
    await tabTo(t('SignInHelp.problem.deactivated'), 'link');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/sign-in-help\/deactivated$/);
    await tabTo('', 'textbox');
    // The header search is the first text box; the email field is the next.
    if (!(await page.getByLabel(t('Forms.emailLabel')).evaluate((element) => element === document.activeElement))) await tabTo('', 'textbox');
    await page.keyboard.type('deactivated.host@acme.example');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in-help\/result\/SP-/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.siteAdminContact.title'));
    await tabTo(t('SignInHelp.actions.cantReachAdmin'), 'link');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.outcome.customerSuccessManager.title'));
  });

  test('a skip link leads past the header to the main content', async ({ page }) => {
    await page.goto('/ar/article/WBX75907');
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip).toHaveAttribute('href', '#main');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('is respected: no smooth scrolling, no transitions', async ({ page }) => {
    await page.goto('/en/article/WBX75907');
    const styles = await page.evaluate(() => {
      const button = document.querySelector('button') as HTMLElement;
      return { scroll: getComputedStyle(document.documentElement).scrollBehavior, transition: getComputedStyle(button).transitionDuration };
    });
    expect(styles.scroll).toBe('auto');
    expect(styles.transition.split(',').every((duration) => parseFloat(duration) <= 0.001)).toBe(true);
  });
});
