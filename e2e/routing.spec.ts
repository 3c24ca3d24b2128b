import { expect, test } from '@playwright/test';
import { fetchRaw } from './support/html';

const wbx75907 = {
  en: '/en/article/WBX75907/how-do-i-contact-my-site-administrator',
  sv: '/sv/article/WBX75907/hur-kontaktar-jag-min-webbplatsadministrator',
};

test.describe('locale negotiation', () => {
  test('an unprefixed URL follows Accept-Language', async ({ request }) => {
    const { status, location, response } = await fetchRaw(request, '/', { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.5' });
    expect(status).toBe(307);
    expect(new URL(location!, 'http://x').pathname).toBe('/sv');
    expect(response.headers()['vary']).toContain('Accept-Language');
  });

  test('the NEXT_LOCALE cookie wins over Accept-Language', async ({ request }) => {
    const { location } = await fetchRaw(request, '/', { 'Accept-Language': 'sv-SE', Cookie: 'NEXT_LOCALE=cs' });
    expect(new URL(location!, 'http://x').pathname).toBe('/cs');
  });

  test('anything unknown falls back to English', async ({ request }) => {
    const { location } = await fetchRaw(request, '/', { 'Accept-Language': 'es-ES,pt;q=0.8', Cookie: 'NEXT_LOCALE=xx' });
    expect(new URL(location!, 'http://x').pathname).toBe('/en');
  });

  test('a browser lands on its language and the switcher keeps it on the same article', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto('/WBX75907');
    await expect(page).toHaveURL(wbx75907.sv);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');

    await page.getByText('Svenska', { exact: true }).first().click();
    await page.getByRole('link', { name: 'Čeština' }).click();
    await expect(page).toHaveURL(/\/cs\/article\/WBX75907\/[a-z0-9-]+$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cs');

    // The choice sticks: an unprefixed link now negotiates Czech despite the Swedish browser.
    await page.goto('/article/WBX75907');
    await expect(page).toHaveURL(/\/cs\/article\/WBX75907\//);
    await context.close();
  });
});

test.describe('article URLs', () => {
  for (const [from, to] of [
    ['/en/article/wbx75907/how-do-i-contact-my-site-administrator', wbx75907.en],
    ['/en/article/WBX75907', wbx75907.en],
    ['/en/article/WBX75907/some-old-slug', wbx75907.en],
    ['/sv-se/article/WBX75907', wbx75907.sv],
    ['/sv-SE/article/wbx75907/whatever', wbx75907.sv],
  ] as const) {
    test(`${from} moves permanently to the canonical URL`, async ({ request }) => {
      const { status, location } = await fetchRaw(request, from);
      expect(status).toBe(308);
      expect(new URL(location!, 'http://x').pathname).toBe(to);
    });
  }

  test('region-style locale codes redirect to ours', async ({ request }) => {
    for (const [from, to] of [
      ['/cs-cz', '/cs'],
      ['/en-us', '/en'],
    ] as const) {
      const { status, location } = await fetchRaw(request, from);
      expect(status).toBe(308);
      expect(new URL(location!, 'http://x').pathname).toBe(to);
    }
  });

  for (const path of ['/WBX75907', '/wbx75907', '/article/WBX75907', '/article/wbx75907/any']) {
    test(`${path} redirects to the article in the negotiated locale`, async ({ request }) => {
      const { status, location } = await fetchRaw(request, path, { 'Accept-Language': 'sv' });
      expect(status).toBe(307);
      expect(new URL(location!, 'http://x').pathname).toBe(wbx75907.sv);
    });
  }
});

test.describe('not found', () => {
  test('an unknown article ID is a localized 404 that offers search and the useful articles', async ({ page }) => {
    const response = await page.goto('/sv/article/NOPE123/whatever');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('NOPE123');
    await expect(page.getByRole('main').getByRole('link', { name: /Ditt konto är inaktiverat/ })).toBeVisible();
  });

  for (const path of ['/xx/article/WBX75907', '/en/no/such/page', '/en/article/%E0%A4%A/x', '/%E0%A4%A', '/nothing-here']) {
    test(`${path} is a 404, never a 500`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(await response.text()).toContain('<html lang=');
    });
  }
});
