import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { fetchRaw } from './support/html';
import { translator, type TestLocale } from './support/messages';

/**
 * Issue 15's reader, author and agent items: IDs that outlive their articles,
 * links for agents, Japanese line breaking, dark mode, mixed direction, dates and print.
 */

const allLocales = ['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar'] as const satisfies readonly TestLocale[];
const pw7r2k = { en: '/en/article/pw7r2k/reset-a-forgotten-password', sv: '/sv/article/pw7r2k/aterstall-ett-glomt-losenord' };
const wbx89094sv = '/sv/article/WBX89094/fel-ditt-konto-ar-inaktiverat-kontakta-din';
const pathOf = (location: string | null) => new URL(location!, 'http://x').pathname;

test.describe('an old ID (alias) moves permanently to its article', () => {
  for (const [from, to] of [
    ['/en/article/WBX30127', pw7r2k.en],
    ['/en/article/wbx30127/reset-your-password', pw7r2k.en],
    ['/sv/article/WBX30127', pw7r2k.sv],
    ['/sv-se/article/WBX30127', pw7r2k.sv],
    ['/sv/WBX30127', pw7r2k.sv],
    ['/WBX30127', '/pw7r2k'],
    ['/article/WBX30127', '/pw7r2k'],
  ] as const) {
    test(`${from} answers 308 to ${to}`, async ({ request }) => {
      const { status, location } = await fetchRaw(request, from);
      expect(status).toBe(308);
      expect(pathOf(location)).toBe(to);
    });
  }

  test('a browser following an old short link lands on the article in its language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto('/WBX30127');
    await expect(page).toHaveURL(new RegExp(`${pw7r2k.sv}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Återställ ett glömt lösenord');
    await context.close();
  });

  test('the API moves an old ID permanently, keeping the query', async ({ request }) => {
    const { status, location } = await fetchRaw(request, '/api/articles/wbx30127?locale=ja');
    expect(status).toBe(308);
    expect(location).toBe('/api/articles/pw7r2k?locale=ja');
    const body = await (await request.get('/api/articles/WBX30127?locale=ja')).json();
    expect(body).toMatchObject({ id: 'pw7r2k', locale: 'ja' });
  });

  test('searching for the old ID opens the article; the search API finds it', async ({ page, request }) => {
    await page.goto('/en/search?q=WBX30127');
    await expect(page).toHaveURL(new RegExp(`${pw7r2k.en}$`));
    const body = await (await request.get('/api/search?q=wbx30127&locale=de')).json();
    expect(body.results[0]).toMatchObject({ id: 'pw7r2k' });
  });
});

test.describe('a retired article answers 410 Gone', () => {
  for (const locale of allLocales) {
    test(`in ${locale}: a page in the reader's language with the old title and a search`, async ({ page }, testInfo) => {
      const t = translator(locale);
      const response = await page.goto(`/${locale}/article/WBX52210/sign-in-with-the-classic-desktop-app`);
      expect(response?.status()).toBe(410);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Retired.title'));
      await expect(page.locator('main p').first()).toContainText('WBX52210');
      await expect(page.locator('main q bdi')).toHaveAttribute('lang', locale);
      const search = page.getByRole('main').getByRole('searchbox');
      await expect(search).toBeVisible();
      await expect(page.locator('head meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
      if (locale === 'ar') await page.screenshot({ path: testInfo.outputPath('ar-retired.png') });
    });
  }

  for (const path of ['/WBX52210', '/article/wbx52210', '/de/WBX52210', '/de-DE/article/WBX52210/x']) {
    test(`${path} is gone too, never a redirect`, async ({ request }) => {
      const { status } = await fetchRaw(request, path, { 'Accept-Language': 'de' });
      expect(status).toBe(410);
    });
  }

  test('the API answers 410 in JSON, the message in the caller\'s language', async ({ request }) => {
    const response = await request.get('/api/articles/WBX52210?locale=fr');
    expect(response.status()).toBe(410);
    expect(await response.json()).toEqual({ error: { code: 'gone', message: translator('fr')('Api.articleRetired') } });
  });

  test('it is not searchable, listed or in the sitemap', async ({ request }) => {
    const search = await (await request.get('/api/search?q=classic%20desktop%20app')).json();
    expect(search.results.map((r: { id: string }) => r.id)).not.toContain('WBX52210');
    const sitemap = await (await request.get('/sitemap.xml')).text();
    expect(sitemap).not.toContain('WBX52210');
  });
});

test.describe('agents', () => {
  test('/{locale}/{ID} redirects permanently to the article', async ({ request }) => {
    const { status, location } = await fetchRaw(request, '/sv/WBX89094');
    expect(status).toBe(308);
    expect(pathOf(location)).toBe(wbx89094sv);
    expect(pathOf((await fetchRaw(request, '/sv/wbx89094')).location)).toBe(wbx89094sv);
  });

  test('the API accepts region codes as URLs do', async ({ request }) => {
    for (const code of ['sv-SE', 'sv_se', 'SV-se']) {
      const response = await request.get(`/api/articles/WBX89094?locale=${code}`);
      expect(response.status(), code).toBe(200);
      expect(await response.json()).toMatchObject({ locale: 'sv', requestedLocale: 'sv' });
    }
    expect((await request.get('/api/search?q=konto&locale=sv-SE')).status()).toBe(200);
    expect((await request.get('/api/articles/WBX89094?locale=zh-CN')).status()).toBe(400);
  });

  test('"Copy link in…" offers each translation and the short link, as plain links without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const t = translator('de');
    await page.goto('/de/article/rc5t1h');
    const menu = page.getByTestId('article-links');
    await menu.getByText(t('Article.copyLinkIn')).click();
    const links = menu.getByRole('link');
    // rc5t1h exists in en, sv, cs and de only, plus the language-neutral short link.
    await expect(links).toHaveCount(5);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.map((href) => new URL(href).pathname)).toEqual([
      '/en/article/rc5t1h',
      '/sv/article/rc5t1h',
      '/cs/article/rc5t1h',
      '/de/article/rc5t1h',
      '/rc5t1h',
    ]);
    // Each is the absolute address to paste, shown as text.
    await expect(links.nth(1)).toHaveText(hrefs[1]!);
    await expect(menu.getByRole('button')).toHaveCount(0);
    await context.close();
  });

  test('with JavaScript, each link in the menu has a copy button', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const t = translator('ja');
    await page.goto('/ja/article/WBX89094');
    await page.getByTestId('article-links').getByText(t('Article.copyLinkIn')).click();
    await page.getByRole('button', { name: t('Article.copyLinkFor', { language: 'Svenska' }) }).click();
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).pathname).toBe('/sv/article/WBX89094');
    await page.getByRole('button', { name: t('Article.copyShortLink') }).click();
    expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).pathname).toBe('/WBX89094');
  });
});

test.describe('Japanese line breaking', () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  test('headings break between phrases, codes never break, on a phone', async ({ page }, testInfo) => {
    await page.goto('/ja/article/WBX89094');
    const h1 = page.getByRole('heading', { level: 1 });
    // Break opportunities only between phrases: every <wbr> sits between two whole phrases.
    expect(await h1.locator('wbr').count()).toBeGreaterThan(0);
    const style = await h1.evaluate((el) => getComputedStyle(el).wordBreak);
    expect(['keep-all', 'auto-phrase']).toContain(style);
    // No line of the heading starts inside a word: text nodes lie between <wbr>s (phrase starts), so a
    // line may start at a node's first character, or after punctuation or a space, and nowhere else.
    const badStarts = await h1.evaluate((el) => {
      const bad: string[] = [];
      const range = document.createRange();
      let lastTop: number | undefined;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          const isNewLine = lastTop !== undefined && top > lastTop + 4;
          if (lastTop === undefined || isNewLine) lastTop = top;
          if (isNewLine && i > 0 && !/[\s\p{P}]/u.test(text[i - 1]!)) bad.push(`${text.slice(0, i)}/${text.slice(i)}`);
        }
      }
      return bad;
    });
    expect(badStarts).toEqual([]);
    const lines = await h1.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBeGreaterThan(1);

    // Body text: Chromium breaks Japanese between phrases itself (word-break: auto-phrase, lang=ja).
    const paragraph = page.locator('.prose-article p').first();
    expect(await paragraph.evaluate((el) => getComputedStyle(el).wordBreak)).toBe('auto-phrase');

    await page.goto('/ja/article/rc5t1h');
    const code = page.locator('.prose-article code', { hasText: 'SP-7K3M-Q9TX' }).first();
    expect(await code.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
    const rects = await code.evaluate((el) => el.getClientRects().length);
    expect(rects).toBe(1);
    await page.goto('/ja/article/WBX89094');
    await page.screenshot({ path: testInfo.outputPath('ja-article-phone.png') });
    // The open "Copy link in…" list fits the phone's width: nothing scrolls sideways.
    await page.getByTestId('article-links').locator('summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('article-links').screenshot({ path: testInfo.outputPath('ja-links-phone.png') });
  });
});

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, what).toEqual([]);
}

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test.describe.configure({ timeout: 120_000 });

  test('follows the system setting', async ({ page }) => {
    await page.goto('/en');
    const colors = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, color: body.color };
    });
    expect(colors.background).toBe('rgb(15, 23, 42)');
    expect(colors.color).toBe('rgb(226, 232, 240)');
  });

  for (const locale of ['en', 'ja', 'ar'] as const) {
    for (const [name, path] of [
      ['home', ''],
      ['article', '/article/WBX89094'],
      ['untranslated article', '/article/rc5t1h'],
      ['search', '/search?q=account'],
      ['sign-in help', '/sign-in-help'],
      ['retired article', '/article/WBX52210'],
    ] as const) {
      test(`${locale} ${name} has no WCAG violations in dark mode`, async ({ page }, testInfo) => {
        await page.goto(`/${locale}${path}`);
        if (name === 'article') await page.getByTestId('article-links').locator('summary').click();
        await expectNoViolations(page, `${locale}${path} (dark)`);
        if (name === 'article') await page.screenshot({ path: testInfo.outputPath(`dark-${locale}-article.png`) });
      });
    }
  }
});

test.describe('mixed direction', () => {
  test('English in place of a translation is isolated in an Arabic page: title, summary, lists, search', async ({ page }, testInfo) => {
    await page.goto('/ar/article/rc5t1h');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    for (const element of [page.getByRole('heading', { level: 1 }), page.locator('header p.text-lg')]) {
      await expect(element).toHaveAttribute('lang', 'en');
      await expect(element).toHaveAttribute('dir', 'ltr');
    }
    // The question mark stays at the end of the English title, on the right.
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.screenshot({ path: testInfo.outputPath('ar-english-fallback.png') });

    await page.goto('/ar/search?q=rc5t1h%20reference');
    const result = page.locator('main ol.article-list li').filter({ hasText: 'What is a diagnosis reference code?' }).first();
    await expect(result.getByRole('link').first()).toHaveAttribute('dir', 'ltr');
    await expect(result.locator('p').first()).toHaveAttribute('dir', 'ltr');

    await page.goto('/ar/article/WBX75907');
    const related = page.locator('#related ~ ul a[lang="en"]');
    for (const link of await related.all()) await expect(link).toHaveAttribute('dir', 'ltr');
  });

  test('quote marks are the page language\'s, with the English error string isolated inside', async ({ page }) => {
    const quotes = async () =>
      page.locator('header q').first().evaluate((q) => {
        // ::before and ::after are open-quote and close-quote: which marks they draw is `quotes`.
        const [open, close] = getComputedStyle(q).quotes.split(' ');
        const inner = q.querySelector('bdi');
        return { open, close, direction: getComputedStyle(q).direction, innerLang: inner?.getAttribute('lang'), innerDir: inner?.getAttribute('dir') };
      });
    await page.goto('/ar/article/WBX89094');
    expect(await quotes()).toEqual({ open: '"«"', close: '"»"', direction: 'rtl', innerLang: 'en', innerDir: 'ltr' });
    await page.goto('/de/article/WBX89094');
    expect(await quotes()).toMatchObject({ open: '"„"', close: '"“"', direction: 'ltr' });
    await page.goto('/ja/article/WBX89094');
    expect(await quotes()).toMatchObject({ open: '"「"', close: '"」"' });
  });
});

test('administrators\' contact details take their direction from their own text in an Arabic page', async ({ page }) => {
  await page.goto('/ar/support/contact?site=acme');
  const values = page.locator('section dl dd[dir="auto"]');
  expect(await values.count()).toBeGreaterThan(0);
  // The demo's English contact name reads left to right inside the right-to-left page.
  expect(await values.first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test.describe('dates and print', () => {
  test('an outdated translation shows its own date, and the notice names the English update', async ({ page }) => {
    await page.goto('/fr/article/WBX15');
    await expect(page.locator('article header')).toContainText('Mis à jour le 2 novembre 2026');
    await expect(page.locator('article header')).not.toContainText('10 novembre 2026');
    await expect(page.getByRole('note')).toContainText('10 novembre 2026');
  });

  test('printed, each link in the page shows its absolute address', async ({ page, baseURL }) => {
    await page.goto('/en/article/pw7r2k');
    await page.emulateMedia({ media: 'print' });
    const link = page.locator('.prose-article a[href^="/"]').first();
    const href = await link.getAttribute('href');
    const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe(`" (${baseURL}${href})"`);
    await expect(page.locator('header[role="banner"]')).toBeHidden();
  });
});

test.describe('new and changed pages in light mode', () => {
  test.describe.configure({ timeout: 120_000 });
  for (const locale of ['en', 'ja', 'ar'] as const) {
    test(`${locale}: the retired article's page and an article with "Copy link in…" open have no WCAG violations`, async ({ page }) => {
      await page.goto(`/${locale}/article/WBX52210`);
      await expectNoViolations(page, `${locale} retired`);
      await page.goto(`/${locale}/article/rc5t1h`);
      await page.getByTestId('article-links').locator('summary').click();
      await expectNoViolations(page, `${locale} article, links open`);
    });
  }
});
