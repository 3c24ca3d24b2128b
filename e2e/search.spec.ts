import { expect, test } from '@playwright/test';

test.describe('the header search box', () => {
  test('suggests articles as you type, and opens one with the keyboard', async ({ page }) => {
    await page.goto('/en');
    const box = page.getByRole('combobox', { name: 'Search help articles' });
    await box.fill('deactiv');
    const listbox = page.getByRole('listbox', { name: 'Suggested articles' });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('status').filter({ hasText: /\d+ results?/ })).toBeAttached();

    const first = listbox.getByRole('option').first();
    await expect(first).toContainText('Your account is deactivated');
    await expect(first.locator('mark').first()).toHaveText(/deactiv/i);

    await box.press('ArrowDown');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/article\/WBX89094\//);
  });

  test('Escape closes the suggestions, then clears the box', async ({ page }) => {
    await page.goto('/sv');
    const box = page.getByRole('combobox');
    await box.fill('lösenord');
    await expect(page.getByRole('listbox')).toBeVisible();
    await box.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.press('Escape');
    await expect(box).toHaveValue('');
  });

  test('the last option and Enter without a choice lead to the full results', async ({ page }) => {
    await page.goto('/de');
    const box = page.getByRole('combobox');
    await box.fill('Passwort');
    await expect(page.getByRole('listbox')).toBeVisible();
    await box.press('ArrowUp');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/de\/search\?q=Passwort/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Passwort');
  });

  test('an article ID typed in lower case finds the article', async ({ page }) => {
    await page.goto('/cs');
    await page.getByRole('combobox').fill('wbx75907');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('WBX75907');
  });
});

test.describe('the results page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form submits and the results are rendered on the server', async ({ page }) => {
    await page.goto('/sv');
    await page.getByRole('searchbox', { name: 'Sök i hjälpartiklarna' }).fill('Ditt konto är inaktiverat. Kontakta din systemadministratör');
    await page.getByRole('searchbox', { name: 'Sök i hjälpartiklarna' }).press('Enter');
    await expect(page).toHaveURL(/\/sv\/search\?q=/);
    const results = page.getByRole('main').getByRole('listitem');
    await expect(results.first().getByRole('link')).toContainText('Ditt konto är inaktiverat');
    await expect(results.first().locator('mark').first()).toBeVisible();
    await expect(results.first()).toContainText('WBX89094');
  });

  test('Japanese typed without spaces finds the article', async ({ page }) => {
    await page.goto('/ja/search?q=' + encodeURIComponent('パスワード'));
    await expect(page.getByRole('main').getByRole('listitem').first().getByRole('link')).toContainText('パスワード');
  });

  test('no results suggests sign-in help and the most useful articles', async ({ page }) => {
    const response = await page.goto('/cs/search?q=' + encodeURIComponent('xylofon zebra'));
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    await expect(main.locator('a[href="/cs/sign-in-help"]')).toBeVisible();
    await expect(main.locator('a[href^="/cs/article/WBX89094/"]')).toBeVisible();
    await expect(main.getByRole('heading', { level: 2 }).first()).toContainText('xylofon zebra');
  });

  test('an empty search shows how to search', async ({ page }) => {
    const response = await page.goto('/en/search?q=%20%20');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText('article ID such as WBX75907');
  });

  test('a query that is too long is a 400 with a clear message, and keeps the text', async ({ page }) => {
    const query = 'deactivated '.repeat(30);
    const response = await page.goto('/en/search?q=' + encodeURIComponent(query));
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('at most 200 characters');
  });

  test('markup in the query is shown as text, never run', async ({ page }) => {
    const query = '<script>window.__x=1</script><img src=x onerror=alert(1)>';
    await page.goto('/en/search?q=' + encodeURIComponent(query));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__x=1</script>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.content()).not.toContain('<img src=x');
  });
});

test.describe('GET /api/search', () => {
  test('answers results with snippets and highlight ranges', async ({ request }) => {
    const response = await request.get('/api/search?q=wbx75907&locale=sv&limit=3');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ query: 'wbx75907', locale: 'sv' });
    expect(body.results[0]).toMatchObject({ id: 'WBX75907', audience: 'host', locale: 'sv' });
    expect(body.results[0].url).toMatch(/\/sv\/article\/WBX75907\//);
    expect(body.results.length).toBeLessThanOrEqual(3);
    for (const [start, end] of body.results.flatMap((r: { highlights: [number, number][] }) => r.highlights)) {
      expect(end).toBeGreaterThan(start);
    }
  });

  test('finds a pasted error message first, with accents dropped', async ({ request }) => {
    const body = await (await request.get('/api/search?' + new URLSearchParams({ q: 'ditt konto ar inaktiverat', locale: 'sv' }))).json();
    expect(body.results[0].id).toBe('WBX89094');
  });

  for (const [name, query, code] of [
    ['an empty q', 'q=&locale=en', 'invalid_query'],
    ['a whitespace q', 'q=%20%09%20&locale=en', 'invalid_query'],
    ['a missing q', 'locale=en', 'invalid_query'],
    ['only control characters', 'q=%00%01%1F', 'invalid_query'],
    ['only an invalid UTF-8 escape', 'q=%FF', 'invalid_query'],
    ['a 10,000-character q', `q=${'a'.repeat(10_000)}`, 'invalid_query'],
    ['an unknown locale', 'q=password&locale=xx', 'invalid_locale'],
    ['a limit too large', 'q=password&limit=1000', 'invalid_limit'],
    ['a limit that is not a number', 'q=password&limit=ten', 'invalid_limit'],
  ] as const) {
    test(`answers 400 JSON for ${name}`, async ({ request }) => {
      const response = await request.get(`/api/search?${query}`);
      expect(response.status()).toBe(400);
      expect(response.headers()['content-type']).toContain('application/json');
      expect((await response.json()).error.code).toBe(code);
    });
  }

  test('answers an invalid escape among real words without a 500', async ({ request }) => {
    const response = await request.get('/api/search?q=password%C3%28&locale=en');
    expect(response.status()).toBe(200);
    expect((await response.json()).results.length).toBeGreaterThan(0);
  });

  test('returns markup in the query as JSON text', async ({ request }) => {
    const response = await request.get('/api/search?' + new URLSearchParams({ q: '<script>alert(1)</script>', locale: 'en' }));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect((await response.json()).query).toBe('<script>alert(1)</script>');
  });
});

test.describe('searches that name what they want', () => {
  test('an exact article ID and Enter in the header box opens the article', async ({ page }) => {
    await page.goto('/en');
    const box = page.getByRole('combobox', { name: 'Search help articles' });
    await box.fill('ktod8p');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/article\/ktod8p\//);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Add contact details for site administration');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('an exact article ID submitted from the header box opens the article', async ({ page }) => {
      await page.goto('/de');
      const box = page.getByRole('searchbox');
      await box.fill('WBX 75907');
      await box.press('Enter');
      await expect(page).toHaveURL(/\/de\/article\/WBX75907\//);
    });
  });

  test('a reference code typed into search leads to the article explaining reference codes', async ({ page }) => {
    await page.goto('/sv');
    const box = page.getByRole('combobox');
    await box.fill('SP-7K3M-Q9TX');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/sv\/article\/rc5t1h\//);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('referenskod');
  });

  test('a reference code in a locale without a translation opens the English article', async ({ page }) => {
    const response = await page.goto('/ja/search?q=' + encodeURIComponent('sp-7k3m-q9tx'));
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/ja\/article\/rc5t1h\b/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('reference code');
  });

  test('a question that contains an ID still lists results', async ({ page }) => {
    await page.goto('/en/search?q=' + encodeURIComponent('see WBX75907'));
    await expect(page).toHaveURL(/\/en\/search\?q=/);
    await expect(page.getByRole('main').getByRole('listitem').first()).toContainText('WBX75907');
  });
});

test.describe('sign-in help card', () => {
  test('a sign-in question shows the card above its results', async ({ page }) => {
    await page.goto('/en/search?q=' + encodeURIComponent("can't sign in"));
    const card = page.getByRole('region', { name: "Can't sign in? Check your account" });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: 'Check your account' })).toHaveAttribute('href', '/en/sign-in-help');
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
  });

  test('a sign-in question with no results shows the card too', async ({ page }) => {
    const response = await page.goto('/de/search?q=' + encodeURIComponent('Anmeldung Zebra Quantenphysik'));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Keine Artikel');
    const card = page.getByRole('region', { name: 'Anmeldung klappt nicht? Prüfen Sie Ihr Konto' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link')).toHaveAttribute('href', '/de/sign-in-help');
  });

  test('other questions show no card', async ({ page }) => {
    await page.goto('/en/search?q=' + encodeURIComponent('customer success manager'));
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('region', { name: "Can't sign in? Check your account" })).toHaveCount(0);
  });

  test('in Arabic, the card is right to left with the page', async ({ page }) => {
    await page.goto('/ar/search?q=' + encodeURIComponent('لا أستطيع تسجيل الدخول'));
    const card = page.getByRole('region', { name: 'لا تستطيع تسجيل الدخول؟ تحقّق من حسابك' });
    await expect(card).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });
});

test.describe('ranking for people who ask questions', () => {
  for (const [locale, query, id] of [
    ['en', 'my account was deactivated', 'WBX89094'],
    ['en', 'who is my site admin', 'WBX75907'],
    ['sv', 'fick aldrig verifieringsmejlet', 'vf3m9q'],
    ['cs', 'nemohu se přihlásit', 'WBX89094'],
    ['de', 'mein Konto wurde deaktiviert', 'WBX89094'],
    ['ar', 'تم تعطيل حسابي', 'WBX89094'],
  ] as const) {
    test(`${locale}: "${query}" puts ${id} first`, async ({ page }) => {
      await page.goto(`/${locale}/search?q=` + encodeURIComponent(query));
      await expect(page.getByRole('main').getByRole('listitem').first()).toContainText(id);
    });
  }

  test('an off-topic question finds nothing', async ({ page }) => {
    await page.goto('/en/search?q=' + encodeURIComponent('my zoom meeting has no sound'));
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('No articles match');
  });

  test('snippets show text, not table markup', async ({ page }) => {
    await page.goto('/en/search?q=' + encodeURIComponent('unverified status'));
    const main = page.getByRole('main');
    await expect(main.getByRole('listitem').first()).toBeVisible();
    expect(await main.locator('ol').innerText()).not.toContain('|');
  });
});
