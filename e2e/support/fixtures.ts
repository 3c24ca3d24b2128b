import { createHash } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { mailHttpPort } from './env';
import type { CapturedMail } from './mail-capture';

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

/** The first http(s) link in an email's text. */
export function linkIn(mail: CapturedMail): URL {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in "${mail.subject}"`);
  return new URL(match[0]);
}
