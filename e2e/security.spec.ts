import http from 'node:http';
import { flashCookieName } from '../lib/http/flash-name';
import { expect, test } from './support/fixtures';

/**
 * Security headers on every kind of response, and a Content-Security-Policy
 * that the pages really live with: no violation in Chromium, scripts still run.
 */

const canonicalArticle = '/en/article/WBX75907/how-do-i-contact-my-site-administrator';
const fallbackArticle = '/ja/article/rc5t1h/what-is-a-diagnosis-reference-code';

const pages = [
  ['a canonical article (prerendered, no proxy)', canonicalArticle],
  ['an untranslated article (prerendered, through the proxy)', fallbackArticle],
  ['the home page (prerendered)', '/ar'],
  ['search results (rendered per request)', '/sv/search?q=konto'],
  ['a sign-in help step (rendered per request)', '/cs/sign-in-help/deactivated'],
  ['the forgot-password page', '/de/forgot-password'],
  ['the support page', '/fr/support/contact?site=acme'],
  ['the not-found page', '/en/article/NOPE42'],
  ['site administration sign-in', '/en/admin/sign-in'],
] as const;

const scriptSources = (policy: string) => policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src')) ?? '';

test.describe('headers', () => {
  for (const [name, path] of pages) {
    test(`${name}: CSP without unsafe-inline, and the static security headers`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      const policy = headers['content-security-policy'] ?? '';
      expect(scriptSources(policy)).toMatch(/^script-src ('nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'|'self'( 'sha256-[A-Za-z0-9+/=]+')+)$/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(directive);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBeTruthy();
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      // One policy, not two that would each have to pass.
      expect(policy.split(',').length).toBe(1);
    });
  }

  test('redirects, static files and form answers carry the same static headers', async ({ request, baseURL }) => {
    const html = await (await request.get('/en')).text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const responses = [
      ['an ID redirect', await request.get('/WBX75907', { maxRedirects: 0 }), 307],
      ['a canonical-slug redirect', await request.get('/en/article/wbx75907', { maxRedirects: 0 }), 308],
      ['a static file', await request.get(asset!), 200],
      [
        'a form post answer',
        await request.post('/en/sign-in-help/deactivated/lookup', { form: { email: 'nobody@example.com' }, headers: { origin: baseURL! }, maxRedirects: 0 }),
        303,
      ],
    ] as const;
    for (const [name, response, status] of responses) {
      const headers = response.headers();
      expect(response.status(), name).toBe(status);
      expect(headers['x-content-type-options'], name).toBe('nosniff');
      expect(headers['x-frame-options'], name).toBe('DENY');
      expect(headers['permissions-policy'], name).toContain('camera=()');
      expect(headers['strict-transport-security'], name).toBe('max-age=63072000; includeSubDomains');
      expect(headers['referrer-policy'], name).toBeTruthy();
    }
  });

  test('a nonce is new on every request', async ({ request }) => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await request.get('/en/search?q=x')).headers()['content-security-policy'] ?? '')?.[1];
    const first = await nonce();
    expect(first).toBeTruthy();
    expect(await nonce()).not.toBe(first);
  });

  test('data responses (JSON, text, XML) forbid everything', async ({ request }) => {
    // Error pages Next renders itself (a /_next path that is no asset) and the icon included.
    for (const path of ['/api/search?q=konto', '/api/articles/WBX15', '/api/health', '/api/nothing', '/robots.txt', '/sitemap.xml', '/_next/nothing', '/_next/static/nothing.js', '/icon.svg']) {
      const headers = (await request.get(path)).headers();
      expect(headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  test('pages whose address carries an emailed token send no Referer at all', async ({ request }) => {
    for (const path of ['/en/reset-password/abc.def', '/en/verify-email/abc.def']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()['referrer-policy'], path).toBe('no-referrer');
      expect(response.headers()['cache-control'], path).toBe('no-store');
    }
    const admin = (await request.get('/en/admin/sign-in')).headers();
    expect(admin['referrer-policy']).toBe('same-origin');
    expect(admin['x-robots-tag']).toBe('noindex, nofollow');
  });
});

test.describe('in the browser', () => {
  for (const [name, path] of pages) {
    test(`${name}: no policy violation, and the page's script runs`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __violations: string[] }).__violations ??= [];
          (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(path);
      // The header search is a client component: typing opens its suggestions only if scripts ran.
      await page.getByRole('combobox').first().fill('account');
      await expect(page.getByRole('listbox').first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
      expect(violations).toEqual([]);
    });
  }
});

test.describe('form bodies', () => {
  /**
   * Posts `megabytes` of form data with chunked encoding (no Content-Length), as a script would,
   * and notes how much had been sent when the answer came.
   */
  function postChunked(baseURL: string, path: string, megabytes: number, clientAddress: string) {
    return new Promise<{ status: number; body: string; sentWhenAnswered: number }>((resolve, reject) => {
      const url = new URL(path, baseURL);
      let sentBytes = 0;
      let stopped = false;
      const request = http.request(
        url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url.origin, 'X-Forwarded-For': clientAddress, 'Transfer-Encoding': 'chunked' },
        },
        (response) => {
          const sentWhenAnswered = sentBytes;
          stopped = true;
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body, sentWhenAnswered });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      const chunk = Buffer.from('email='.padEnd(64 * 1024, 'x'));
      const write = () => {
        while (!stopped && sentBytes < megabytes * 1024 * 1024) {
          sentBytes += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', write);
        }
        if (!stopped) request.end();
      };
      write();
    });
  }

  test('a chunked body past the limit is refused with a localized 413 before it has all been sent', async ({ baseURL, clientAddress }) => {
    const answer = await postChunked(baseURL!, '/sv/forgot-password/submit', 150, clientAddress);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('16 kB');
    expect(answer.body).toContain('formuläret');
    expect(answer.sentWhenAnswered).toBeLessThan(150 * 1024 * 1024);
  });
});

test.describe('forged flash cookies', () => {
  const routes = ['/en', '/sv', '/en/sign-in-help', '/cs/sign-in-help/deactivated', '/de/forgot-password', fallbackArticle, '/fr/support/contact?site=acme'];
  for (const route of routes) {
    test(`leave the status and cache headers of ${route} as they are`, async ({ request }) => {
      const pathname = new URL(route, 'http://x').pathname;
      const plain = await request.get(route);
      for (const forged of ['503.0.x', '404.1.x', '429.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const answer = await request.get(route, { headers: { Cookie: `${flashCookieName(pathname)}=${forged}` } });
        expect(answer.status(), forged).toBe(plain.status());
        expect(answer.headers()['cache-control'], forged).toBe(plain.headers()['cache-control']);
      }
    });
  }
});

test.describe('methods', () => {
  // (TRACK never reaches a handler: Node's HTTP parser answers it 400 itself.)
  test('TRACE is refused with 405 and the usual headers, on pages, APIs and form routes alike', async ({ baseURL }) => {
    for (const method of ['TRACE']) {
      for (const path of ['/en', '/en/article/WBX75907/how-do-i-contact-my-site-administrator', '/api/search?q=x', '/en/forgot-password/submit']) {
        const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
          const request = http.request(new URL(path, baseURL), { method }, (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
          });
          request.on('error', reject);
          request.end();
        });
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
        expect(answer.headers['content-security-policy'], `${method} ${path}`).toContain("default-src 'none'");
      }
    }
  });

  test('pages refuse methods they do not serve with 405', async ({ request }) => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      for (const path of ['/en', '/sv/sign-in-help', '/de/forgot-password']) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()['allow'], `${method} ${path}`).toBe('GET, HEAD, POST');
        expect(response.headers()['x-frame-options'], `${method} ${path}`).toBe('DENY');
      }
    }
  });
});

test.describe('the locale cookie', () => {
  test('never rides on a publicly cacheable page, and is Secure and private where it is set', async ({ request }) => {
    const swedishReader = { 'Accept-Language': 'sv-SE,sv;q=0.9' };
    for (const path of ['/en', '/en/article/rc5t1h/what-is-a-diagnosis-reference-code']) {
      const response = await request.get(path, { headers: swedishReader, maxRedirects: 0 });
      expect(response.headers()['cache-control'], path).toContain('s-maxage');
      expect(response.headers()['set-cookie'], path).toBeUndefined();
    }
    const page = await request.get('/en/forgot-password', { headers: swedishReader, maxRedirects: 0 });
    expect(page.headers()['set-cookie']).toMatch(/^NEXT_LOCALE=en;.*Secure/i);
    expect(page.headers()['cache-control']).not.toContain('s-maxage');
    const redirect = await request.get('/cs/article/WBX75907', { headers: swedishReader, maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(redirect.headers()['set-cookie']).toMatch(/^NEXT_LOCALE=cs;.*Secure/i);
    expect(redirect.headers()['cache-control']).toBe('private, no-store');
  });
});
