import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { flashCookieName } from '../lib/http/flash-name';
import { routeStatuses } from '../lib/http/known-routes';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './support/fixtures';

/**
 * Property-based fuzzing of every input the public pages and APIs take: emails,
 * search queries, locales, article IDs and slugs, reference codes, form fields,
 * and the Accept-Language and Origin headers; and every route on disk with every
 * method, forged cookies and an oversized chunked body. Whatever arrives: never a
 * 5xx, the security headers always, and markup sent in never comes back as markup.
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

/**
 * Every route in app/, found on disk (so a route added later is covered without editing this list),
 * with sample values for its parameters.
 */
function everyRoute(): Array<{ path: string; kind: 'page' | 'route'; fixedStatus?: number }> {
  const appDirectory = path.join(process.cwd(), 'app');
  const samples: Record<string, string> = {
    locale: 'sv',
    id: 'WBX75907',
    userId: '2',
    token: 'A'.repeat(43),
    problem: 'deactivated',
    code: 'SP-7K3M-Q9TX',
  };
  const routes: Array<{ path: string; kind: 'page' | 'route'; fixedStatus?: number }> = [];
  const walk = (directory: string, segments: string[]) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(directory, entry.name), [...segments, entry.name]);
      else if (entry.name === 'page.tsx' || entry.name === 'route.ts') {
        const url = segments
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => {
            const optionalRest = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
            if (optionalRest) return '';
            const rest = /^\[\.\.\.(\w+)\]$/.exec(segment);
            if (rest) return 'nothing/here';
            const param = /^\[(\w+)\]$/.exec(segment);
            return param ? (samples[param[1]!] ?? 'x') : segment;
          })
          .filter(Boolean)
          .join('/');
        // Pages that always answer one status (the "service unavailable" guidance is a 503 on purpose).
        const template = segments[0] === '[locale]' ? `/${segments.slice(1).join('/')}` : '';
        const fixedStatus = (routeStatuses as Record<string, number | undefined>)[template];
        routes.push({ path: `/${url}`, kind: entry.name === 'page.tsx' ? 'page' : 'route', fixedStatus });
      }
    }
  };
  walk(appDirectory, []);
  return routes;
}

test('every route: any method, forged cookies, and a chunked body past the limit: never a 5xx, always the headers', async ({ baseURL, clientAddress }) => {
  test.setTimeout(480_000); // about 800 requests; minutes on a shared two-core machine
  const routes = everyRoute();
  expect(routes.length).toBeGreaterThan(40);
  const send = (pathname: string, method: string, headers: http.OutgoingHttpHeaders, body?: { megabytes: number }) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const request = http.request(new URL(pathname, baseURL), { method, headers: { 'X-Forwarded-For': clientAddress, ...headers } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk.slice(0, 200_000)));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
          request.destroy();
        });
      });
      request.on('error', reject);
      if (!body) return void request.end();
      // A script's upload: chunked (no Content-Length), far past the 16 kB limit; stops once answered.
      const chunk = Buffer.from('email=<x-fuzz>'.padEnd(64 * 1024, 'x'));
      let sent = 0;
      let answered = false;
      request.once('response', () => (answered = true));
      const write = () => {
        while (!answered && sent < body.megabytes * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', write);
        }
        if (!answered) request.end();
      };
      write();
    });

  const origin = new URL(baseURL!).origin;
  for (const route of routes) {
    const forged = {
      Cookie: [
        `${flashCookieName(route.path)}=503.0.<x-fuzz>`,
        'signpost_admin=forged-session-value',
        '__Host-signpost_admin=forged',
        'NEXT_LOCALE=<x-fuzz>',
      ].join('; '),
    };
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
      for (const headers of [forged, { ...forged, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' }]) {
        const what = `${method} ${route.path} ${JSON.stringify(headers)}`;
        const answer = await send(route.path, method, headers);
        if (answer.status !== route.fixedStatus) expect(answer.status, what).toBeLessThan(500);
        expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
        if (answer.status === 405) expect(answer.headers['allow'], what).toBeTruthy();
        if (String(answer.headers['content-type']).includes('html')) expect(answer.text, what).not.toContain('<x-fuzz');
        // A forged flash cookie never turns an answer into the status it names.
        if (headers === forged && method === 'GET' && route.fixedStatus !== 503) expect(answer.status, what).not.toBe(503);
      }
    }
    if (route.kind === 'route') {
      const what = `chunked POST ${route.path}`;
      const answer = await send(route.path, 'POST', { ...forged, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' }, { megabytes: 20 });
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
      if (String(answer.headers['content-type']).includes('html')) expect(answer.text, what).not.toContain('<x-fuzz');
    }
  }
});
