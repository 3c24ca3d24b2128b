import type { Page } from '@playwright/test';
import { expect, ownServerTest as test } from './support/fixtures';
import { translator } from './support/messages';

/**
 * The administrator's reference-code lookup acts: a code a person quotes leads
 * to their account on the administrator's own site, as it is now, with the
 * actions its state allows, and the page comes back after acting. On a server
 * of its own: it reactivates a demo account.
 */
test.describe.configure({ mode: 'serial' });

const t = translator('en');

async function codeFor(page: Page, email: string): Promise<string> {
  await page.goto('/en/sign-in-help/deactivated');
  await page.getByLabel(t('Forms.emailLabel')).fill(email);
  await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
  await page.waitForURL(/\/sign-in-help\/result\/SP-/);
  return /SP-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
}

test("a deactivated host's code shows the account, and Reactivate brings it back on the same page", async ({ page, signInAsAdmin }, testInfo) => {
  const email = 'deactivated.host@acme.example';
  const code = await codeFor(page, email);

  await signInAsAdmin(page);
  await page.goto(`/en/admin/diagnosis?code=${code}`);
  const account = page.getByRole('region', { name: t('Admin.diagnosis.accountTitle') });
  await expect(account).toContainText(email);
  await expect(account).toContainText(t('Admin.status.inactive'));
  // Deactivated ten days ago in the seed: twenty days of the thirty left.
  await expect(account).toContainText(t('Admin.users.deletesIn', { days: 20 }));
  // The diagnosis itself still names nobody.
  await expect(page.getByRole('region', { name: code })).not.toContainText(email);
  // What an inactive account allows: no invitation to resend, no deactivation.
  const action = (name: string) => t('Admin.actions.labelFor', { action: t(`Admin.actions.${name}`), email });
  await expect(account.getByRole('button', { name: action('resend-invitation') })).toHaveCount(0);
  await expect(account.getByRole('button', { name: action('deactivate') })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('lookup-inactive.png'), fullPage: true });

  await account.getByRole('button', { name: action('reactivate') }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/diagnosis\\?code=${code}$`));
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.reactivate', { email }) })).toBeVisible();
  const now = page.getByRole('region', { name: t('Admin.diagnosis.accountTitle') });
  await expect(now).toContainText(t('Admin.status.active'));
  await expect(now).toContainText(t('Admin.diagnosis.accountNoDeletion'));
  await expect(now.getByRole('button', { name: action('reactivate') })).toHaveCount(0);
  await expect(now.getByRole('button', { name: action('deactivate') })).toBeEnabled();

  // The users list agrees: the account is active again.
  await page.goto('/en/admin/users?q=deactivated.host');
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText(t('Admin.status.active'));
});

test("an unverified user's code offers to resend the invitation, which returns to the lookup", async ({ page, signInAsAdmin }) => {
  const email = 'unverified.host@acme.example';
  const code = await codeFor(page, email);

  await signInAsAdmin(page);
  await page.goto(`/en/admin/diagnosis?code=${code}`);
  const account = page.getByRole('region', { name: t('Admin.diagnosis.accountTitle') });
  await expect(account).toContainText(t('Admin.status.unverified'));
  await account.getByRole('button', { name: t('Admin.actions.labelFor', { action: t('Admin.actions.resend-invitation'), email }) }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/diagnosis\\?code=${code}$`));
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.resend-invitation', { email }) })).toBeVisible();
});

test('deactivating from the lookup is asked on the confirmation page, whose Cancel and confirm both come back', async ({ page, signInAsAdmin }) => {
  const email = 'active.host@acme.example';
  const code = await codeFor(page, email);
  const lookup = new RegExp(`/en/admin/diagnosis\\?code=${code}$`);
  const deactivate = t('Admin.actions.labelFor', { action: t('Admin.actions.deactivate'), email });

  await signInAsAdmin(page);
  await page.goto(`/en/admin/diagnosis?code=${code}`);
  const account = page.getByRole('region', { name: t('Admin.diagnosis.accountTitle') });
  await account.getByRole('button', { name: deactivate }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users\/\d+\/confirm\?action=deactivate/);
  await page.getByRole('link', { name: t('Admin.confirm.cancel') }).click();
  await expect(page).toHaveURL(lookup);
  await expect(account).toContainText(t('Admin.status.active'));

  await account.getByRole('button', { name: deactivate }).click();
  await page.getByRole('button', { name: t('Admin.confirm.deactivate') }).click();
  await expect(page).toHaveURL(lookup);
  await expect(page.getByRole('status').filter({ hasText: t('Admin.done.deactivate', { email }) })).toBeVisible();
  await expect(account).toContainText(t('Admin.status.inactive'));
  await page.getByRole('status').getByRole('button', { name: t('Admin.undo.button') }).click();
  await expect(page).toHaveURL(lookup);
  await expect(account).toContainText(t('Admin.status.active'));
});

test("a code from globex shows no account to acme's administrator", async ({ page, signInAsAdmin }) => {
  const code = await codeFor(page, 'deactivated.host@globex.example');

  await signInAsAdmin(page);
  await page.goto(`/en/admin/diagnosis?code=${code}`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(t('Admin.diagnosis.notFound'));
  await expect(page.getByRole('region', { name: t('Admin.diagnosis.accountTitle') })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('deactivated.host@globex.example');
  await expect(page.getByRole('main').getByRole('button', { name: t('Admin.actions.reactivate') })).toHaveCount(0);
});
