import fc from 'fast-check';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Property-based fuzzing of every input the public pages and APIs take: emails,
 * search queries, locales, article IDs and slugs, reference codes, form fields,
 * and the Accept-Language and Origin headers. Whatever arrives: never a 5xx,
 * and markup sent in never comes back as markup.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
test.describe.configure({ timeout: 120_000 });

/** Text the way attackers and accidents write it: markup, quotes, escapes, control and bidi characters, emoji, CJK, RTL. */
const nasty = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<x-fuzz onmouseover=alert(1)>',
    '"><x-fuzz>',
    "'; DROP TABLE users; --",
    '%E0%A4%A',
    '%00',
    '../../etc/passwd',
    '\u202Eevil',
    'ä\u0308',
    'Ditt konto är inaktiverat',
    'アカウントが無効',
    'حسابك معطل',
    '😀'.repeat(30),
    'a'.repeat(300),
    '{{7*7}}',
    '${7*7}',
    '\\',
    '',
  ),
);
const withMarker = fc.tuple(nasty, nasty).map(([a, b]) => `${a}<x-fuzz>${b}`);
const clientAddress = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);

async function expectSafe(response: APIResponse, what: string) {
  expect(response.status(), what).toBeLessThan(500);
  const type = response.headers()['content-type'] ?? '';
  if (type.includes('html')) expect(await response.text(), what).not.toContain('<x-fuzz');
}

test('search: any q, locale and limit, on the page and the API', async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(withMarker, fc.oneof(fc.constantFrom('en', 'sv', 'cs', 'ja', 'ar'), nasty), fc.oneof(fc.integer(), nasty), async (q, locale, limit) => {
      const query = new URLSearchParams({ q, locale: String(locale), limit: String(limit) });
      await expectSafe(await request.get(`/api/search?${query}`), `api ${query}`);
      await expectSafe(await request.get(`/en/search?${new URLSearchParams({ q })}`), `page ${q}`);
      // JSON carries the query back as data: it must at least be served as JSON, never as a page.
      const json = await request.get(`/api/search?${new URLSearchParams({ q, locale: 'en' })}`);
      expect(json.headers()['content-type']).toContain('application/json');
    }),
    { numRuns: runs, seed },
  );
});

test('paths: any locale, article ID, slug and reference code', async ({ request }) => {
  const segment = nasty.map((value) => encodeURIComponent(value).slice(0, 200) || 'x');
  await fc.assert(
    fc.asyncProperty(segment, segment, segment, async (locale, id, slug) => {
      for (const path of [
        `/${locale}/article/${id}/${slug}`,
        `/${id}`,
        `/article/${id}`,
        `/api/articles/${id}?locale=${locale}`,
        `/${locale}/sign-in-help/result/${id}`,
        `/${locale}/sign-in-help/${id}`,
        `/${locale}/feedback/${id}`,
        `/${locale}/reset-password/${id}`,
        `/${locale}/support/contact?site=${slug}`,
        `/${locale}/admin/diagnosis?code=${id}`,
      ]) {
        await expectSafe(await request.get(path, { maxRedirects: 0 }), path);
      }
    }),
    { numRuns: runs, seed },
  );
});

test('forms: any email and field values, posted from our origin', async ({ playwright, baseURL }) => {
  await fc.assert(
    fc.asyncProperty(withMarker, nasty, clientAddress, async (email, other, address) => {
      const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL!, 'X-Forwarded-For': address } });
      try {
        for (const [path, form] of [
          ['/en/sign-in-help/deactivated/lookup', { email }],
          ['/sv/sign-in-help/verification/site/lookup', { site: email }],
          ['/cs/forgot-password/submit', { email }],
          ['/en/admin/sign-in/submit', { email, password: other }],
          ['/ja/feedback/WBX15/vote', { helpful: other }],
          ['/ar/feedback/WBX15/comment', { comment: email }],
          ['/en/reset-password/abc.def/save', { password: email, confirm: other }],
          ['/de/sign-in-help/result/SP-AAAA-AAAA/solved', { solved: other }],
        ] as const) {
          // Follow the redirect: the page it leads to shows what was typed, and must show it as text.
          await expectSafe(await client.post(path, { form }), `${path} ${JSON.stringify(form)}`);
        }
      } finally {
        await client.dispose();
      }
    }),
    { numRuns: Math.ceil(runs / 2), seed },
  );
});

test('headers: any Accept-Language, Origin and cookies', async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(nasty, nasty, nasty, async (language, from, cookie) => {
      // What a client can put in a header at all: printable characters (anything else is refused before sending).
      const printable = (value: string) => value.replace(/[^\t\x20-\x7e]/g, '?');
      const headers = {
        'Accept-Language': printable(language),
        Origin: printable(from),
        Cookie: `NEXT_LOCALE=${encodeURIComponent(cookie)}; sp_flash_x=${encodeURIComponent(cookie)}`,
      };
      for (const path of ['/', '/WBX75907', '/en/sign-in-help', '/en/search?q=konto']) {
        await expectSafe(await request.get(path, { headers, maxRedirects: 0 }), `${path} ${JSON.stringify(headers)}`);
      }
      const post = await request.post('/en/forgot-password/submit', { headers, form: { email: 'someone@acme.example' }, maxRedirects: 0 });
      await expectSafe(post, `post with ${JSON.stringify(headers)}`);
    }),
    { numRuns: runs, seed },
  );
});
