import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { findFreePort } from '@/scripts/lib/next-server';

/**
 * A failed send is not lost: with a real SMTP server that is down at first, the message waits in
 * the outbox and goes out once, when it is due and the relay is back, however many servers retry.
 */
describe('the outbox retry', () => {
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

  it('keeps a message the relay could not take, and sends it once when it is due and the relay is back', async () => {
    const start = new Date();
    await mailer.sendEmail(database.db, { to: 'dan@acme.example', subject: 'Reset your password', text: 'link', kind: 'password-reset', locale: 'en' });
    expect((await mailer.listOutbox(database.db))[0]).toMatchObject({ to: 'dan@acme.example' });

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((to) => to.address).join(','));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', resolve));

    // Not due yet: the first retry waits two minutes.
    expect(await mailer.retryOutbox(database.db, start)).toEqual({ sent: 0, failed: 0 });
    // Due: three servers retry at once; it goes out once.
    const later = new Date(start.getTime() + 3 * 60_000);
    const results = await Promise.all([1, 2, 3].map(() => mailer.retryOutbox(database.db, later)));
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(1);
    expect(received).toEqual(['dan@acme.example']);
    // Sent: never again.
    expect(await mailer.retryOutbox(database.db, new Date(start.getTime() + 60 * 60_000))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });
});
