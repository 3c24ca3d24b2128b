import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { emailOutbox, sites } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import { checkResetToken, isResetTokenCurrent, requestPasswordReset, resetPassword } from './service';

const now = new Date();
let database: OpenDatabase;
let client = 0;
const nextIp = () => `198.51.100.${++client}`;
const outbox = () => database.db.select().from(emailOutbox);

beforeAll(async () => {
  database = await useDemoDatabase(now);
});
afterAll(async () => {
  await database.close();
});

describe('forgot password', () => {
  const ask = (email: string) => requestPasswordReset(database.db, { locale: 'sv', email, clientIp: nextIp(), now });

  it('answers a working account neutrally and sends a reset link that works once', async () => {
    const result = await ask('active.host@acme.example');
    expect(result).toMatchObject({ kind: 'answered', view: { kind: 'neutral' } });
    if (result.kind !== 'answered') return;
    const before = (await outbox()).length;
    await result.deliver();
    const [mail] = (await outbox()).slice(before);
    expect(mail).toMatchObject({ toAddress: 'active.host@acme.example', kind: 'password-reset', locale: 'sv' });
    const token = /reset-password\/([\w.-]+)/.exec(mail!.textBody)![1]!;
    expect(isResetTokenCurrent(token, now)).toBe(true);
    expect(isResetTokenCurrent(`${token}x`, now)).toBe(false);
    expect(await checkResetToken(database.db, token, now)).toMatchObject({ kind: 'valid' });
    expect(await resetPassword(database.db, token, 'a new long password', now)).toEqual({ kind: 'saved' });
    expect(await resetPassword(database.db, token, 'another long password', now)).toEqual({ kind: 'invalid' });
  });

  it('answers an unknown address and an unverified one exactly the same, sending nothing', async () => {
    for (const email of ['nobody@nowhere.example', 'unverified.host@acme.example']) {
      const result = await ask(email);
      expect(result).toMatchObject({ kind: 'answered', view: { kind: 'neutral' } });
      if (result.kind !== 'answered') continue;
      const before = (await outbox()).length;
      await result.deliver();
      expect((await outbox()).length).toBe(before);
    }
  });

  it('shows a deactivated account whom to contact, and sends no reset link', async () => {
    const result = await ask('deactivated.host@acme.example');
    expect(result).toMatchObject({ kind: 'answered', view: { kind: 'deactivated', outcome: 'site-admin-contact' } });
    expect(await ask('deactivated.host@globex.example')).toMatchObject({ view: { kind: 'deactivated', outcome: 'find-site-admin' } });
    expect(await ask('ad.disabled@acme.example')).toMatchObject({ view: { kind: 'deactivated', outcome: 'directory-disabled', keptIndefinitely: true } });
  });

  it('in privacy mode, answers neutrally and emails the contact details instead', async () => {
    await database.db.update(sites).set({ privacyMode: true }).where(eq(sites.slug, 'acme'));
    try {
      const result = await ask('deactivated.host@acme.example');
      expect(result).toMatchObject({ kind: 'answered', view: { kind: 'neutral' } });
      if (result.kind !== 'answered') return;
      const before = (await outbox()).length;
      await result.deliver();
      const [mail] = (await outbox()).slice(before);
      expect(mail).toMatchObject({ toAddress: 'deactivated.host@acme.example', kind: 'contact-details' });
    } finally {
      await database.db.update(sites).set({ privacyMode: false }).where(eq(sites.slug, 'acme'));
    }
  });
});
