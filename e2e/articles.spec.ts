import { expect, test } from '@playwright/test';

const perLocale = [
  { locale: 'en', dir: 'ltr', title: /Your account is deactivated/ },
  { locale: 'sv', dir: 'ltr', title: /Ditt konto är inaktiverat/ },
  { locale: 'cs', dir: 'ltr', title: /Váš účet byl deaktivován/ },
  { locale: 'de', dir: 'ltr', title: /Ihr Konto ist deaktiviert/ },
  { locale: 'fr', dir: 'ltr', title: /Votre compte est désactivé/ },
  { locale: 'ja', dir: 'ltr', title: /アカウントが無効化されています/ },
  { locale: 'ar', dir: 'rtl', title: /تم تعطيل حسابك/ },
] as const;

for (const { locale, dir, title } of perLocale) {
  test(`WBX89094 reads in ${locale} with lang and dir right`, async ({ page }) => {
    const response = await page.goto(`/${locale}/article/WBX89094`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('WBX89094', { exact: true })).toBeVisible();
    // Links to other articles carry their titles in the same language.
    const related = page.locator(`main a[href^="/${locale}/article/WBX75907/"]`).first();
    await expect(related).toBeVisible();
  });
}

test('an article has breadcrumbs, a table of contents, related articles and metadata', async ({ page }) => {
  await page.goto('/en/article/nikzbgy');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Help center');
  const toc = page.getByRole('navigation', { name: 'On this page' }).filter({ visible: true });
  await toc.getByRole('link', { name: 'When inactive accounts are deleted' }).click();
  await expect(page).toHaveURL(/#when-inactive-accounts-are-deleted$/);
  await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
  await expect(page.getByRole('img', { name: /deleted after 30 days/ })).toBeVisible();

  const head = page.locator('head');
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/en\/article\/nikzbgy\/user-statuses-and-the-actions-that-change-them$/);
  await expect(head.locator('link[rel="alternate"][hreflang="ja"]')).toHaveCount(1);
  await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd['@graph'][0]).toMatchObject({ '@type': 'TechArticle', identifier: 'nikzbgy', inLanguage: 'en' });
});

test('the copy-link button copies the permanent link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/article/WBX15');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/en\/article\/WBX15$/);
});

test('a missing translation serves English with a notice, and no hreflang for the missing language', async ({ page }) => {
  await page.goto('/ja/article/rc5t1h');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('note')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is a diagnosis reference code?');
  const head = page.locator('head');
  await expect(head.locator('link[rel="alternate"][hreflang="ja"]')).toHaveCount(0);
  await expect(head.locator('link[rel="alternate"][hreflang="sv"]')).toHaveCount(1);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/en\/article\/rc5t1h\//);
});

test('an outdated translation says so and links to the current source', async ({ page }) => {
  await page.goto('/fr/article/WBX15');
  const note = page.getByRole('note');
  await expect(note).toBeVisible();
  await note.getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/article\/WBX15\//);
  await expect(page.getByRole('heading', { name: 'What to include in your message' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole article reads, and the language switcher still works', async ({ page }) => {
    await page.goto('/sv/article/WBX89094');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ditt konto är inaktiverat');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.locator('main')).toContainText('30');
    await expect(page.getByRole('button', { name: /Copy|Kopiera/ })).toBeHidden();
    await page.locator('summary').first().click();
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/article\/WBX89094\//);
  });
});

test('the home page groups articles for hosts and administrators and leads to sign-in help', async ({ page }) => {
  await page.goto('/de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: /Ihr Konto ist deaktiviert/ })).toBeVisible();
  await expect(main.locator('a[href="/de/sign-in-help"]')).toBeVisible();
});
