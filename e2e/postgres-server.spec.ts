import pg from 'pg';
import { startPostgres, type TestPostgres } from '../lib/testing/postgres';
import { demoAdmin, expect, test } from './support/fixtures';
import { translator } from './support/messages';
import { startServer, type TestServer } from './support/servers';

/**
 * A production server on Debian's Postgres (lib/testing/postgres.ts), each describe with a
 * cluster of its own: what it keeps when it is stopped, and what it logs when the database
 * fails under it.
 */

test.describe('stopped with SIGTERM', () => {
  test.describe.configure({ mode: 'serial' });
  let postgres: TestPostgres;
  let server: TestServer;
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a server's cold start on a busy machine
    postgres = await startPostgres();
    server = await startServer({ DATABASE_URL: postgres.url });
  });
  test.afterAll(async () => {
    await server?.stop();
    postgres?.stop();
  });

  test('writes the views of untranslated pages it counted in memory before it exits', async ({ playwright }) => {
    // rc5t1h has no French or Japanese translation: those pages are English with a notice, and counted.
    const readers = ['10.77.0.1', '10.77.0.2', '10.77.0.3'];
    for (const [index, reader] of readers.entries()) {
      const request = await playwright.request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': reader } });
      expect((await request.get(`${server.baseURL}/fr/article/rc5t1h`)).status()).toBe(200);
      if (index === 0) expect((await request.get(`${server.baseURL}/ja/article/rc5t1h`)).status()).toBe(200);
      await request.dispose();
    }
    await server.stop();
    // The shutdown ran to its end (lib/server/shutdown.ts), not cut short by Next's own exit.
    expect(server.output()).toContain('"event":"server.stopped"');

    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ locale: string; count: number }>(
        `select locale, sum(count)::int as count from fallback_views where article_id = 'rc5t1h' group by locale order by locale`,
      );
      expect(rows).toEqual([
        { locale: 'fr', count: 3 },
        { locale: 'ja', count: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});

test.describe('with its Postgres stopped under it', () => {
  test.describe.configure({ mode: 'serial' });
  let postgres: TestPostgres;
  let server: TestServer;
  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(180_000);
    postgres = await startPostgres();
    server = await startServer({ DATABASE_URL: postgres.url });
    // Connected and serving first: then the database goes away under open pooled connections.
    const request = await playwright.request.newContext();
    expect((await request.get(`${server.baseURL}/api/ready`)).status()).toBe(200);
    await request.dispose();
    postgres.stop();
  });
  test.afterAll(async () => server?.stop());

  // Addresses used nowhere else: if the log holds one, it came from the failing query.
  const addresses = {
    signInHelp: 'pg-down.sign-in-help@acme.example',
    forgotPassword: 'pg-down.forgot-password@acme.example',
    adminSignIn: 'pg-down.admin@acme.example',
  };

  test('sign-in help, forgot-password and admin sign-in give their guidance, and the log holds no address', async ({ page }) => {
    const t = translator('en');
    await page.goto(`${server.baseURL}/en/sign-in-help/deactivated`);
    await page.getByLabel(t('Forms.emailLabel')).fill(addresses.signInHelp);
    await page.getByRole('button', { name: t('SignInHelp.email.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.unavailable.title'));

    await page.goto(`${server.baseURL}/en/forgot-password`);
    await page.getByLabel(t('Forms.emailLabel')).fill(addresses.forgotPassword);
    await page.getByRole('button', { name: t('ForgotPassword.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('SignInHelp.unavailable.title'));

    await page.goto(`${server.baseURL}/en/admin/sign-in`);
    await page.getByLabel(t('Admin.signIn.email')).fill(addresses.adminSignIn);
    await page.getByLabel(t('Admin.signIn.password')).fill(demoAdmin.password);
    await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('Admin.unavailable.title'));

    const log = server.output();
    // The failures were logged (so the test saw the failing queries) ...
    expect(log.match(/"level":"error"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    // ... and nothing of the addresses, whole or in part, reached the log.
    for (const address of Object.values(addresses)) expect(log).not.toContain(address.split('@')[0]);
    expect(log).not.toContain('params:');
  });
});
