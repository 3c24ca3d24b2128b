import type { APIRequestContext, APIResponse } from '@playwright/test';
import pg from 'pg';
import { policies } from '../lib/rate-limit/policies';
import { startCluster, type Cluster } from '../scripts/lib/cluster';
import { demoAdmin, expect, test } from './support/fixtures';
import { translator } from './support/messages';

/**
 * Several servers as an operator runs them (scripts/lib/cluster.ts): Postgres, Redis, two
 * `next start` servers with no SIGNPOST_SECRET (so they share the one stored in the database),
 * and nginx in front with deploy/nginx.conf, round robin. The browser tests go through nginx;
 * the request tests pick each request's server themselves, so every step that must carry over
 * from one server to the other does, whatever nginx would have chosen.
 */
test.describe.configure({ mode: 'serial' });

let cluster: Cluster;
test.beforeAll(async () => {
  // Postgres, Redis, two cold `next start` and nginx on a busy two-core machine.
  test.setTimeout(300_000);
  cluster = await startCluster();
});
test.afterAll(async () => cluster?.stop());

const t = translator('en');

/** Each test is its own client to the servers' per-address limits (they trust one proxy hop). */
async function clientFor(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, address: string) {
  // Browsers send Origin on every post; the servers accept the front's (SITE_URL).
  return playwright.request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address, Origin: cluster.url }, maxRedirects: 0 });
}

function server(index: 0 | 1): string {
  return cluster.servers[index]!.url;
}

function expectRedirect(response: APIResponse, pathname: string) {
  expect(response.status()).toBe(303);
  expect(new URL(response.headers()['location']!, cluster.url).pathname).toBe(pathname);
}

test('the servers share one secret, created once in the database', async () => {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select count(*)::int as n from shared_settings where name = 'signpost-secret'`);
    expect(rows).toEqual([{ n: 1 }]);
    const organizations = await client.query(`select name, count(*)::int as n from organizations group by name order by name`);
    // Started together, they seeded the demo once.
    expect(organizations.rows).toEqual([
      { name: 'Acme', n: 1 },
      { name: 'Globex', n: 1 },
    ]);
  } finally {
    await client.end();
  }
});

test('flash state set by one server is shown by the other', async ({ playwright }) => {
  const client = await clientFor(playwright, '10.81.0.1');
  expectRedirect(await client.post(`${server(0)}/en/forgot-password/submit`, { form: { email: 'name@' } }), '/en/forgot-password');
  const page = await client.get(`${server(1)}/en/forgot-password`);
  expect(page.status()).toBe(400);
  const html = await page.text();
  expect(html).toContain(t('Forms.emailInvalid'));
  expect(html).toContain('value="name@"');
  await client.dispose();
});

test('a per-address limit counts the attempts made on both servers', async ({ playwright }) => {
  const email = `cluster-limit-${Date.now()}@example.com`;
  // The per-address ceiling (lib/rate-limit/policies.ts), each attempt from a client of its own and
  // the servers taking turns. Counted per server, the next would pass.
  const ceiling = policies.forgotPassword.perEmail.points;
  for (let index = 0; index < ceiling; index++) {
    const client = await clientFor(playwright, `10.82.${index}.1`);
    expectRedirect(await client.post(`${server((index % 2) as 0 | 1)}/en/forgot-password/submit`, { form: { email } }), '/en/forgot-password/sent');
    await client.dispose();
  }
  const client = await clientFor(playwright, '10.82.99.1');
  expectRedirect(await client.post(`${server(1)}/en/forgot-password/submit`, { form: { email } }), '/en/forgot-password');
  const page = await client.get(`${server(0)}/en/forgot-password`);
  expect(page.status()).toBe(429);
  await client.dispose();
});

test('an administrator signed in on one server acts on the other with the CSRF token the first gave', async ({ playwright }) => {
  const client = await clientFor(playwright, '10.83.0.1');
  const signIn = await client.post(`${server(0)}/en/admin/sign-in/submit`, { form: { email: demoAdmin.email, password: demoAdmin.password } });
  expectRedirect(signIn, '/en/admin/users');

  const list = await client.get(`${server(1)}/en/admin/users`);
  expect(list.status()).toBe(200);
  // A reactivate form (the deactivated demo accounts have one), with the session's CSRF token.
  const forms = [...(await list.text()).matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  const reactivate = forms.find(([, , body]) => body!.includes('name="action" value="reactivate"'));
  expect(reactivate, `a reactivate form among ${forms.map(([, target]) => target).join(', ')}`).toBeDefined();
  const action = reactivate![1]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(reactivate![2]!)?.[1];
  expect(csrf).toBeDefined();

  // A forged token is refused; the real one, made by the other server, is accepted.
  expect((await client.post(`${server(0)}${action}`, { form: { csrf: 'forged', action: 'reactivate', back: '/en/admin/users' } })).status()).toBe(403);
  expectRedirect(await client.post(`${server(0)}${action}`, { form: { csrf: csrf!, action: 'reactivate', back: '/en/admin/users' } }), '/en/admin/users');
  const after = await client.get(`${server(1)}/en/admin/users`);
  expect(after.status()).toBe(200);
  const formsAfter = [...(await after.text()).matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  expect(formsAfter.some(([, target, body]) => target === action && body!.includes('value="reactivate"'))).toBe(false);

  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`select count(*)::int as n from audit_events where action = 'user.reactivate'`);
    expect(rows).toEqual([{ n: 1 }]);
  } finally {
    await db.end();
  }
  await client.dispose();
});

test.describe('through nginx, round robin', () => {
  test.use({ extraHTTPHeaders: {} });

  test('sign-in help finds the account and shows whom to contact', async ({ page }) => {
    await page.goto(`${cluster.url}/en/sign-in-help/deactivated`);
    await page.getByLabel(t('Forms.emailLabel')).fill('deactivated.host@globex.example');
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await page.waitForURL(/\/en\/sign-in-help\/result\/SP-/);
    // The result is stored in the database: reloading (on the other server, round robin) shows it again.
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect((await page.reload())?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
  });

  test('forgot-password answers with the neutral message', async ({ page }) => {
    await page.goto(`${cluster.url}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill('active.host@acme.example');
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await page.waitForURL(/\/en\/forgot-password\/sent$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText(t('ForgotPassword.sent'));
  });

  test('an administrator signs in and removes a license, whichever server answers each step', async ({ page }) => {
    await page.goto(`${cluster.url}/en/admin/sign-in`);
    await page.getByLabel(t('Admin.signIn.email')).fill(demoAdmin.email);
    await page.getByLabel(t('Admin.signIn.password')).fill(demoAdmin.password);
    await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
    await page.waitForURL(/\/en\/admin\/users$/);
    const remove = page.locator('form:has(input[name="action"][value="remove-license"]) button').first();
    const label = await remove.getAttribute('aria-label');
    await remove.click();
    await page.waitForURL(/\/en\/admin\/users/);
    await expect(page.getByRole('button', { name: label!, exact: true })).toHaveCount(0);
  });

  test('nginx keeps the build output and the prerendered pages, never a page a server must count', async ({ request }) => {
    const page = `${cluster.url}/en/article/WBX75907`;
    const home = await (await request.get(page)).text();
    expect((await request.get(page)).headers()['x-cache-status']).toBe('HIT');
    const asset = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
    expect(asset).toBeDefined();
    await request.get(`${cluster.url}${asset}`);
    const again = await request.get(`${cluster.url}${asset}`);
    expect(again.status()).toBe(200);
    expect(again.headers()['x-cache-status']).toBe('HIT');
    // rc5t1h has no French translation: the English page in French is counted on every view.
    for (let view = 0; view < 2; view++) {
      const fallback = await request.get(`${cluster.url}/fr/article/rc5t1h`);
      expect(fallback.status()).toBe(200);
      expect(fallback.headers()['x-cache-status']).not.toBe('HIT');
    }
  });
});
