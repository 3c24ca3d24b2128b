import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { findFreePort } from '@/scripts/lib/next-server';

/**
 * Every email goes to the outbox first and a sender delivers it. A failed send is not lost: with a
 * real SMTP server that is down at first, the message waits in the outbox and goes out once, when it
 * is due and the relay is back, however many servers deliver at once.
 */
describe('the outbox', () => {
  let port: number;
  let database: OpenDatabase;
  let mailer: typeof import('./mailer');
  const received: string[] = [];
  let smtp: SMTPServer | undefined;

  beforeAll(async () => {
    port = await findFreePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    vi.resetModules();
    mailer = await import('./mailer');
    const { openDatabase } = await import('@/lib/db/client');
    database = await openDatabase({ dataDir: 'memory' });
  }, 60_000);

  afterAll(async () => {
    delete process.env.SMTP_URL;
    await database?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  const startRelay = async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        // A relay that refuses one recipient for good, quoting the address back (as real relays do).
        if (address.address.startsWith('refused')) callback(Object.assign(new Error(`550 5.1.1 <${address.address}> no such user`), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((to) => to.address).join(','));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', resolve));
  };

  it('writes every message to the outbox first; the sender delivers it, and after a failure sends it once when due and the relay is back', async () => {
    const start = new Date();
    await mailer.sendEmail(database.db, { to: 'dan@acme.example', subject: 'Reset your password', text: 'link', kind: 'password-reset', locale: 'en' });
    // Queued, not sent: nothing was tried on the caller's path.
    expect((await mailer.listOutbox(database.db))[0]).toMatchObject({ to: 'dan@acme.example' });
    expect(received).toEqual([]);

    // The relay is down: the first attempt fails and is counted.
    expect(await mailer.deliverOutbox(database.db, start)).toEqual({ sent: 0, failed: 1 });
    await startRelay();

    // Not due yet: the first retry waits two minutes.
    expect(await mailer.deliverOutbox(database.db, start)).toEqual({ sent: 0, failed: 0 });
    // Due: three servers deliver at once; it goes out once.
    const later = new Date(start.getTime() + 3 * 60_000);
    const results = await Promise.all([1, 2, 3].map(() => mailer.deliverOutbox(database.db, later)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(received).toEqual(['dan@acme.example']);
    // Sent: its text (a live link, perhaps) is not kept; never sent again.
    expect((await mailer.listOutbox(database.db)).find((m) => m.to === 'dan@acme.example')?.text).toBe('');
    expect(await mailer.deliverOutbox(database.db, new Date(start.getTime() + 60 * 60_000))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('delivers new messages at once, in one go however many senders run', async () => {
    const now = new Date();
    for (const n of [1, 2, 3, 4, 5]) {
      await mailer.sendEmail(database.db, { to: `reader${n}@acme.example`, subject: 'Verify', text: 'link', kind: 'verification', locale: 'sv' });
    }
    const results = await Promise.all([1, 2].map(() => mailer.deliverOutbox(database.db, now)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(5);
    expect(received.filter((to) => to.startsWith('reader')).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `reader${n}@acme.example`));
  });

  it('gives up after the last attempt and lists the message, without its address, as undelivered on its site', async () => {
    const { organizations, sites } = await import('@/lib/db/schema');
    const [org] = await database.db.insert(organizations).values({ name: 'Test' }).returning();
    const [site] = await database.db.insert(sites).values({ slug: 'outbox-test', name: 'Outbox test', organizationId: org!.id }).returning();
    await mailer.sendEmail(database.db, { to: 'refused@acme.example', subject: 'Reset', text: 'link', kind: 'password-reset', locale: 'de', siteId: site!.id });
    const queued = new Date();
    for (let attempt = 0; attempt < mailer.maxSendAttempts + 2; attempt++) {
      await mailer.deliverOutbox(database.db, new Date(queued.getTime() + 2 ** attempt * 60_000 + 1_000));
    }
    const [undelivered] = await mailer.listUndelivered(database.db, site!.id);
    expect(undelivered).toMatchObject({ kind: 'password-reset', locale: 'de', attempts: mailer.maxSendAttempts, gaveUp: true });
    expect(undelivered!.lastError).toMatch(/550/);
    expect(undelivered!.lastError).not.toContain('refused@acme.example');
    expect(received).not.toContain('refused@acme.example');
    expect((await mailer.listOutbox(database.db)).find((m) => m.to === 'refused@acme.example')?.text).toBe('');
  });
});
