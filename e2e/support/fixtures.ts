import { createHash } from 'node:crypto';
import { test as base, expect, type Browser, type Cookie, type Page } from '@playwright/test';
import { mailHttpPort } from './env';
import type { CapturedMail } from './mail-capture';
import { translator, type TestLocale } from './messages';
import { startServer, type TestServer } from './servers';

/**
 * Each test appears to the rate limits as its own client: a client address
 * derived from the test's title, sent as X-Forwarded-For (the test servers
 * trust one proxy hop). Tests that share an address would share its limits.
 */
function clientAddressFor(title: string): string {
  const digest = createHash('sha256').update(title).digest();
  return `10.${digest[0]}.${digest[1]}.${(digest[2]! % 254) + 1}`;
}

export type Mailbox = {
  /** Waits for a message to `to` that arrived after the test started and matches `subject`. */
  waitFor(to: string, subject?: RegExp): Promise<CapturedMail>;
  /** Every message to `to` that arrived after the test started. */
  list(to: string): Promise<CapturedMail[]>;
};

async function fetchMessages(): Promise<CapturedMail[]> {
  const response = await fetch(`http://127.0.0.1:${mailHttpPort}/messages`);
  return (await response.json()) as CapturedMail[];
}

export const test = base.extend<{ clientAddress: string; mailbox: Mailbox }>({
  clientAddress: async ({}, use, testInfo) => {
    await use(clientAddressFor(`${testInfo.titlePath.join(' › ')} #${testInfo.repeatEachIndex}`));
  },
  extraHTTPHeaders: async ({ clientAddress }, use) => {
    await use({ 'X-Forwarded-For': clientAddress });
  },
  mailbox: async ({}, use) => {
    const since = Date.now();
    const list = async (to: string) =>
      (await fetchMessages()).filter((mail) => mail.receivedAt >= since && mail.to.includes(to));
    await use({
      list,
      async waitFor(to, subject) {
        let found: CapturedMail | undefined;
        await expect
          .poll(
            async () => {
              found = (await list(to)).find((mail) => !subject || subject.test(mail.subject));
              return found !== undefined;
            },
            { message: `an email to ${to}`, timeout: 10_000 },
          )
          .toBe(true);
        return found!;
      },
    });
  },
});

export { expect };

/** The demo administrator (lib/db/seed.ts); the sign-in page shows the same outside production. */
export const demoAdmin = { email: 'site.admin@acme.example', password: 'signpost-demo-admin' };

/** Signs in through the form in a context of its own and returns its cookies: one scrypt per server. */
async function signInOnce(browser: Browser, baseURL: string, clientAddress: string): Promise<Cookie[]> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': clientAddress } });
  try {
    const page = await context.newPage();
    const t = translator('en');
    await page.goto('/en/admin/sign-in');
    await page.getByLabel(t('Admin.signIn.email')).fill(demoAdmin.email);
    await page.getByLabel(t('Admin.signIn.password')).fill(demoAdmin.password);
    await page.getByRole('button', { name: t('Admin.signIn.submit') }).click();
    await page.waitForURL(/\/en\/admin\/users$/);
    return await context.cookies();
  } finally {
    await context.close();
  }
}

/**
 * For spec files that need a server of their own: they change what other specs rely on
 * (accounts, site settings) or spend the per-address rate limits of the demo accounts.
 * Each spec file gets its own server in each worker, started on its first test, even when
 * one worker runs several such files (a worker fixture alone would be shared between them).
 */
export const ownServerTest = test.extend<
  {
    server: TestServer;
    /** Puts the demo administrator's session into the page's context and opens the users list. */
    signInAsAdmin: (page: Page, locale?: TestLocale) => Promise<void>;
  },
  { serversByFile: Map<string, Promise<TestServer>>; adminCookies: Map<string, Promise<Cookie[]>> }
>({
  serversByFile: [
    async ({}, use) => {
      const servers = new Map<string, Promise<TestServer>>();
      await use(servers);
      await Promise.all([...servers.values()].map(async (server) => (await server).stop()));
    },
    { scope: 'worker' },
  ],
  // Sessions signed in once per server and worker: scrypt is slow on a busy machine, and what
  // signing in shows is tested where sign-in is the subject.
  adminCookies: [async ({}, use) => use(new Map()), { scope: 'worker' }],
  server: [
    async ({ serversByFile }, use, testInfo) => {
      let server = serversByFile.get(testInfo.file);
      if (!server) {
        server = startServer();
        serversByFile.set(testInfo.file, server);
      }
      await use(await server);
    },
    // Starting `next start` on a busy machine is no part of a test's own time.
    { timeout: 180_000 },
  ],
  baseURL: async ({ server }, use) => use(server.baseURL),
  signInAsAdmin: async ({ server, adminCookies, browser }, use, testInfo) => {
    await use(async (page, locale = 'en') => {
      let cookies = adminCookies.get(server.baseURL);
      if (!cookies) {
        cookies = signInOnce(browser, server.baseURL, clientAddressFor(`admin session for worker ${testInfo.workerIndex}`));
        adminCookies.set(server.baseURL, cookies);
      }
      await page.context().addCookies(await cookies);
      await page.goto(`/${locale}/admin/users`);
      await expect(page).toHaveURL(new RegExp(`/${locale}/admin/users$`));
    });
  },
});

/** The first http(s) link in an email's text. */
export function linkIn(mail: CapturedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in "${mail.subject}"`);
  return new URL(match[0]);
}
