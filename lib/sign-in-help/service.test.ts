import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { diagnoses, emailOutbox, sites, users } from '@/lib/db/schema';
import { handleMailRequests } from '@/lib/account-recovery/mail-requests';
import { verifyEmail } from '@/lib/account-recovery/service';
import { withDatabase } from '@/lib/server/database';
import { unreachableDatabase, useDemoDatabase } from '@/lib/testing/database';
import { getDiagnosis } from './repository';
import { diagnose, resendVerification } from './service';

const now = new Date();
let database: OpenDatabase;
let client = 0;
const nextIp = () => `198.51.100.${++client}`;
const run = (email: string, extra: { siteSlug?: string } = {}) =>
  diagnose(database.db, { locale: 'en', problem: 'deactivated', email, clientIp: nextIp(), now, ...extra });
const outbox = () => database.db.select().from(emailOutbox);

beforeAll(async () => {
  database = await useDemoDatabase(now);
});
afterAll(async () => {
  await database.close();
});

describe('diagnose', () => {
  it.each([
    ['active.host@acme.example', 'account-ok'],
    ['verified.host@acme.example', 'account-ok'],
    ['unverified.host@acme.example', 'unverified'],
    ['deactivated.host@acme.example', 'site-admin-contact'],
    ['ad.removed@acme.example', 'directory-removed'],
    ['ad.disabled@acme.example', 'directory-disabled'],
    ['locked.admin@acme.example', 'admin-locked-out'],
    ['deactivated.host@globex.example', 'find-site-admin'],
    ['nobody@nowhere.example', 'account-ok'],
  ])('%s → %s, recorded without the address', async (email, outcome) => {
    const result = await run(email);
    expect(result).toMatchObject({ kind: 'diagnosed', outcome });
    if (result.kind !== 'diagnosed') return;
    const stored = await getDiagnosis(database.db, result.code, now);
    expect(stored).toMatchObject({ outcome, problem: 'deactivated', locale: 'en' });
    expect(JSON.stringify(stored)).not.toContain('@');
  });

  it('records the state found: status, retention and the site, and nothing for an unknown address', async () => {
    const removed = await run('ad.removed@acme.example');
    const unknown = await run('nobody@nowhere.example');
    if (removed.kind !== 'diagnosed' || unknown.kind !== 'diagnosed') throw new Error('expected diagnoses');
    const found = await getDiagnosis(database.db, removed.code, now);
    expect(found?.state).toMatchObject({ status: 'inactive', isDirectoryManaged: true, retention: 'removed-from-directory' });
    expect(found?.siteId).not.toBeNull();
    // The account it found, by id (the administrator's lookup reaches it from the code), never by address.
    const [account] = await database.db.select().from(users).where(eq(users.email, 'ad.removed@acme.example'));
    expect(found?.subjectUserId).toBe(account!.id);
    expect(await getDiagnosis(database.db, unknown.code, now)).toMatchObject({ siteId: null, subjectUserId: null, state: { status: null } });
  });

  it('asks for the site when the address is on several, and then finds the right account', async () => {
    const [globex] = await database.db.select().from(sites).where(eq(sites.slug, 'globex'));
    await database.db.insert(users).values({ siteId: globex!.id, email: 'twice@multi.example', status: 'inactive', deactivatedAt: now });
    const [acme] = await database.db.select().from(sites).where(eq(sites.slug, 'acme'));
    await database.db.insert(users).values({ siteId: acme!.id, email: 'twice@multi.example', status: 'active' });

    expect(await run('twice@multi.example')).toEqual({ kind: 'choose-site' });
    expect(await run('twice@multi.example', { siteSlug: 'globex' })).toMatchObject({ outcome: 'find-site-admin' });
    expect(await run('twice@multi.example', { siteSlug: 'acme' })).toMatchObject({ outcome: 'account-ok' });
    expect(await run('twice@multi.example', { siteSlug: 'initech' })).toEqual({ kind: 'unknown-site' });
    // A site that exists but has no such account answers like a working account.
    expect(await run('deactivated.host@acme.example', { siteSlug: 'globex' })).toMatchObject({ outcome: 'account-ok' });
  });

  it('in privacy mode, shows the neutral result and emails the guidance to the account', async () => {
    await handleMailRequests(database.db, now); // what the tests above queued
    await database.db.update(sites).set({ privacyMode: true }).where(eq(sites.slug, 'acme'));
    try {
      const before = (await outbox()).length;
      expect(await run('deactivated.host@acme.example')).toMatchObject({ outcome: 'account-ok' });
      expect(await run('ad.removed@acme.example')).toMatchObject({ outcome: 'account-ok' });
      // Nothing is written on the request path beyond the queued request: the worker sends.
      expect((await outbox()).length).toBe(before);
      await handleMailRequests(database.db, now);
      const mails = (await outbox()).slice(before);
      expect(mails.map((m) => [m.toAddress, m.kind])).toEqual([
        ['deactivated.host@acme.example', 'contact-details'],
        ['ad.removed@acme.example', 'contact-details'],
      ]);
      expect(mails[0]!.textBody).toContain('help@acme.example');
      expect(mails[1]!.textBody).toContain('IT department');
    } finally {
      await database.db.update(sites).set({ privacyMode: false }).where(eq(sites.slug, 'acme'));
    }
  });

  it('limits lookups of one address from one client, and says how long to wait', async () => {
    let result;
    const repeat = () => diagnose(database.db, { locale: 'en', problem: 'deactivated', email: 'limited@acme.example', clientIp: '192.0.2.77', now });
    for (let i = 0; i < 7; i++) result = await repeat();
    expect(result).toMatchObject({ kind: 'rate-limited' });
    // Someone else asking about that address is not blocked by it.
    expect(await run('limited@acme.example')).toMatchObject({ kind: 'diagnosed' });
  });

  it('in privacy mode, hides an unverified account and an address on several sites, and emails the specifics', async () => {
    await handleMailRequests(database.db, now);
    // Without privacy mode the address on two sites gets the site question.
    expect(await run('consultant@partner.example')).toEqual({ kind: 'choose-site' });
    await database.db.update(sites).set({ privacyMode: true }).where(eq(sites.slug, 'acme'));
    try {
      const before = (await outbox()).length;
      const unverified = await run('unverified.host@acme.example');
      expect(unverified).toMatchObject({ kind: 'diagnosed', outcome: 'account-ok' });
      // One site of the two keeps accounts private: no site question, the neutral page.
      const several = await run('consultant@partner.example');
      expect(several).toMatchObject({ kind: 'diagnosed', outcome: 'account-ok' });
      if (several.kind !== 'diagnosed') throw new Error('expected a diagnosis');
      expect(await getDiagnosis(database.db, several.code, now)).toMatchObject({ siteId: null, state: { status: null, mailedGuidance: true } });
      expect((await outbox()).length).toBe(before);
      await handleMailRequests(database.db, now);
      const mails = (await outbox()).slice(before);
      expect(mails.map((m) => [m.toAddress, m.kind])).toEqual([
        ['unverified.host@acme.example', 'verification'],
        // Active on acme (nothing to say), deactivated on globex: whom to contact there, with the code.
        ['consultant@partner.example', 'contact-details'],
      ]);
      expect(mails[1]!.textBody).toContain('Globex');
      expect(mails[1]!.textBody).toContain(several.code);
    } finally {
      await database.db.update(sites).set({ privacyMode: false }).where(eq(sites.slug, 'acme'));
    }
  });

  it('answers "unavailable" when the database cannot be reached', async () => {
    const input = { locale: 'en', problem: 'deactivated', email: 'active.host@acme.example', clientIp: nextIp(), now } as const;
    expect(await withDatabase('test.diagnose', (db) => diagnose(db, input), unreachableDatabase)).toEqual({ kind: 'unavailable' });
  });

  it('answers "unavailable" when a query fails', async () => {
    const closed = await useDemoDatabase(now);
    await closed.close();
    const input = { locale: 'en', problem: 'deactivated', email: 'active.host@acme.example', clientIp: nextIp(), now } as const;
    expect(await withDatabase('test.diagnose', (db) => diagnose(db, input), async () => closed.db)).toEqual({ kind: 'unavailable' });
  });
});

describe('resending the verification email', () => {
  it('sends a link that verifies the address, once', async () => {
    const result = await run('unverified.host@acme.example');
    if (result.kind !== 'diagnosed') throw new Error('expected a diagnosis');
    expect(await resendVerification(database.db, { code: result.code, locale: 'en', clientIp: nextIp(), now })).toEqual({ kind: 'sent' });
    const [mail] = (await outbox()).filter((m) => m.kind === 'verification').slice(-1);
    expect(mail!.toAddress).toBe('unverified.host@acme.example');
    const token = /verify-email\/([\w-]+)/.exec(mail!.textBody)![1]!;

    expect(await verifyEmail(database.db, token, now)).toEqual({ kind: 'verified' });
    const [user] = await database.db.select().from(users).where(eq(users.email, 'unverified.host@acme.example'));
    expect(user!.status).toBe('verified');
    expect(await verifyEmail(database.db, token, now)).toEqual({ kind: 'already' });
    expect(await verifyEmail(database.db, `${token}x`, now)).toEqual({ kind: 'invalid' });
    // The result no longer offers anything to resend.
    expect(await resendVerification(database.db, { code: result.code, locale: 'en', clientIp: nextIp(), now })).toEqual({ kind: 'not-applicable' });
    await database.db.update(users).set({ status: 'unverified' }).where(eq(users.id, user!.id));
  });

  it('does nothing for a result that is not about an unverified account', async () => {
    const result = await run('active.host@acme.example');
    if (result.kind !== 'diagnosed') throw new Error('expected a diagnosis');
    expect(await resendVerification(database.db, { code: result.code, locale: 'en', clientIp: nextIp(), now })).toEqual({ kind: 'not-applicable' });
    expect(await resendVerification(database.db, { code: 'SP-0000-0000', locale: 'en', clientIp: nextIp(), now })).toEqual({ kind: 'not-applicable' });
  });

  it('does nothing from another outcome, though its account has become unverified since', async () => {
    const result = await run('active.host@acme.example');
    if (result.kind !== 'diagnosed') throw new Error('expected a diagnosis');
    const [user] = await database.db.select().from(users).where(eq(users.email, 'active.host@acme.example'));
    await database.db.update(users).set({ status: 'unverified' }).where(eq(users.id, user!.id));
    try {
      expect(await resendVerification(database.db, { code: result.code, locale: 'en', clientIp: nextIp(), now })).toEqual({ kind: 'not-applicable' });
    } finally {
      await database.db.update(users).set({ status: user!.status }).where(eq(users.id, user!.id));
    }
  });
});

describe('diagnoses', () => {
  it('never stores an email address in a diagnosis', async () => {
    const rows = await database.db.execute(sql`select * from ${diagnoses}`);
    expect(JSON.stringify(rows)).not.toMatch(/@[a-z]+\.example/);
  });
});
