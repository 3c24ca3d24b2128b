import { expect, test } from '@playwright/test';

test.describe('GET /api/articles/{ID}', () => {
  test('answers a translated article', async ({ request }) => {
    const response = await request.get('/api/articles/wbx75907?locale=sv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body).toMatchObject({
      id: 'WBX75907',
      locale: 'sv',
      title: 'Hur kontaktar jag min webbplatsadministratör?',
      audience: 'host',
      fallback: false,
      updated: '2026-11-02',
    });
    expect(body.url).toMatch(/\/sv\/article\/WBX75907\/hur-kontaktar-jag-min-webbplatsadministrator$/);
    expect(body.locales).toEqual(['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar']);
    expect(typeof body.summary).toBe('string');
  });

  test('flags English served for a missing translation', async ({ request }) => {
    const body = await (await request.get('/api/articles/rc5t1h?locale=ar')).json();
    expect(body).toMatchObject({ id: 'rc5t1h', locale: 'en', fallback: true, locales: ['en', 'sv', 'cs', 'de'] });
    expect(body.url).toMatch(/\/ar\/article\/rc5t1h\//);
  });

  test('defaults to English', async ({ request }) => {
    expect(await (await request.get('/api/articles/WBX15')).json()).toMatchObject({ locale: 'en', fallback: false });
  });

  test('answers 404 JSON for an unknown ID', async ({ request }) => {
    const response = await request.get('/api/articles/NOPE123?locale=sv');
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  test('answers 400 JSON for a bad locale, in the caller language', async ({ request }) => {
    const response = await request.get('/api/articles/WBX15?locale=xx', { headers: { 'Accept-Language': 'de' } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_locale');
    expect(body.error.message).toContain('en, sv, cs, de, fr, ja, ar');
  });

  test('answers 400 JSON, not a 500, for malformed IDs and paths', async ({ request }) => {
    for (const path of ['/api/articles/%3Cscript%3E', '/api/articles/%E0%A4%A']) {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(await response.text()).not.toContain('<script>');
    }
  });
});

test('the sitemap lists every translation with hreflang alternates and x-default', async ({ request }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  for (const locale of ['en', 'sv', 'cs', 'de', 'fr', 'ja', 'ar']) {
    expect(xml).toMatch(new RegExp(`<loc>[^<]*/${locale}/article/WBX89094/[^<]*</loc>`));
  }
  expect(xml).toContain('hreflang="x-default"');
  // Untranslated pages are canonicalized to English, so they are not listed.
  expect(xml).not.toMatch(/\/ja\/article\/rc5t1h\//);
  const articleUrls = xml.match(/<loc>[^<]*\/article\/[^<]*<\/loc>/g) ?? [];
  expect(articleUrls).toHaveLength(8 * 7 + 4);
});

test('robots.txt points at the sitemap', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toMatch(/Sitemap: .*\/sitemap.xml/);
  expect(text).toContain('Disallow: /api/');
});

test('the readiness probe answers 200 when the database does, never cached', async ({ request }) => {
  const response = await request.get('/api/ready');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready', database: 'ok', rateLimits: 'not-configured' });
  expect(response.headers()['cache-control']).toBe('no-store');
});
