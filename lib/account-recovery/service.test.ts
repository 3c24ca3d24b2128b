import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, readSession } from '@/lib/admin/session';
import { findAccountsByEmail } from '@/lib/accounts/repository';
import type { OpenDatabase } from '@/lib/db/client';
import { emailOutbox, mailRequests, sites, users } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import { handleMailRequests } from './mail-requests';
import { issueToken } from './token-store';
import { getDiagnosis } from '@/lib/sign-in-help/repository';
import { checkResetToken, checkVerificationToken, requestPasswordReset, resetPassword, sendVerificationEmail, verifyEmail } from './service';

const now = new Date();
let database: OpenDatabase;
let client = 0;
const nextIp = () => `198.51.100.${++client}`;
const outbox = () => database.db.select().from(emailOutbox);
const queued = async () => (await database.db.select({ value: count() }).from(mailRequests))[0]!.value;
/** What the mail worker does after the response: the queued requests become outbox messages. */
const runWorker = () => handleMailRequests(database.db, now);
const linkIn = (text: string, route: 'reset-password' | 'verify-email') => new RegExp(`${route}/([\\w-]+)`).exec(text)![1]!;

beforeAll(async () => {
  database = await useDemoDatabase(now);
});
afterAll(async () => {
  await database.close();
});

const ask = (email: string) => requestPasswordReset(database.db, { locale: 'sv', email, clientIp: nextIp(), now });

/** Asks for a reset link for the address and returns the token the email carries. */
async function resetLinkFor(email: string): Promise<string> {
  const before = (await outbox()).length;
  await ask(email);
  await runWorker();
  const mail = (await outbox()).slice(before).find((m) => m.kind === 'password-reset' && m.toAddress === email);
  return linkIn(mail!.textBody, 'reset-password');
}

describe('forgot password', () => {
  it('answers a working account neutrally and leaves the email to the worker, which sends a reset link that works once', async () => {
    const before = (await outbox()).length;
    const result = await ask('active.host@acme.example');
    expect(result).toMatchObject({ kind: 'answered', view: { kind: 'neutral' } });
    // Nothing on the request path but one queued request.
    expect((await outbox()).length).toBe(before);
    await runWorker();
    const [mail] = (await outbox()).slice(before);
    expect(mail).toMatchObject({ toAddress: 'active.host@acme.example', kind: 'password-reset', locale: 'sv' });
    const token = linkIn(mail!.textBody, 'reset-password');
    expect(await checkResetToken(database.db, token, now)).toMatchObject({ kind: 'valid' });
    expect(await checkResetToken(database.db, `${token}x`, now)).toEqual({ kind: 'invalid' });
    expect(await resetPassword(database.db, token, 'a new long password', now)).toEqual({ kind: 'saved' });
    expect(await resetPassword(database.db, token, 'another long password', now)).toEqual({ kind: 'invalid' });
    expect(await queued()).toBe(0);
  });

  it('leaves the same work behind for every address: one queued request each, nothing else', async () => {
    await runWorker();
    const addresses = ['nobody@nowhere.example', 'unverified.host@acme.example', 'active.host@acme.example', 'deactivated.host@acme.example'];
    const before = (await outbox()).length;
    for (const [index, email] of addresses.entries()) {
      await ask(email);
      expect(await queued()).toBe(index + 1);
      expect((await outbox()).length).toBe(before);
    }
    const rows = await database.db.select().from(mailRequests);
    expect(new Set(rows.map((row) => Object.keys(row).join()))).toHaveProperty('size', 1);
    await runWorker();
    expect(await queued()).toBe(0);
    // Only the working account gets mail; the unknown and the unverified address nothing.
    expect((await outbox()).slice(before).map((m) => m.toAddress)).toEqual(['active.host@acme.example']);
  });

  it('shows a deactivated account whom to contact, and sends no reset link', async () => {
    // The page shows the request's diagnosis, found by the reference code the answer carries.
    const shown = async (email: string) => {
      const result = await ask(email);
      if (result.kind !== 'answered' || result.view.kind !== 'deactivated') throw new Error(`expected the deactivated page for ${email}`);
      return getDiagnosis(database.db, result.view.code, now);
    };
    const [deactivated] = await findAccountsByEmail(database.db, 'deactivated.host@acme.example');
    // The account it is about, by id: the site's administrator reaches it from the quoted code.
    expect(await shown('deactivated.host@acme.example')).toMatchObject({ outcome: 'site-admin-contact', problem: 'forgot-password', subjectUserId: deactivated!.id });
    expect(await shown('deactivated.host@globex.example')).toMatchObject({ outcome: 'find-site-admin' });
    expect(await shown('ad.disabled@acme.example')).toMatchObject({ outcome: 'directory-disabled', state: { retention: 'disabled-in-directory' } });
    const before = (await outbox()).length;
    await runWorker();
    expect((await outbox()).slice(before)).toEqual([]);
  });

  it('in privacy mode, answers neutrally and emails the contact details instead', async () => {
    await database.db.update(sites).set({ privacyMode: true }).where(eq(sites.slug, 'acme'));
    try {
      const result = await ask('deactivated.host@acme.example');
      expect(result).toMatchObject({ kind: 'answered', view: { kind: 'neutral' } });
      const before = (await outbox()).length;
      await runWorker();
      const [mail] = (await outbox()).slice(before);
      expect(mail).toMatchObject({ toAddress: 'deactivated.host@acme.example', kind: 'contact-details' });
    } finally {
      await database.db.update(sites).set({ privacyMode: false }).where(eq(sites.slug, 'acme'));
    }
  });
});

/** A reset link issued directly (the forgot-password limit allows three asks per address). */
async function issueResetLink(email: string, at = now): Promise<string> {
  const [account] = await findAccountsByEmail(database.db, email);
  return issueToken(database.db, { userId: account!.id, purpose: 'reset-password', expiresAt: new Date(at.getTime() + 3_600_000), now: at });
}

describe('reset links', () => {
  it('are opaque: the link names no account and no expiry', async () => {
    const token = await resetLinkFor('verified.host@acme.example');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/verified|"u"|"e"/);
  });

  it('using one ends every earlier one', async () => {
    const older = await resetLinkFor('verified.host@acme.example');
    const newer = await issueResetLink('verified.host@acme.example');
    expect(await checkResetToken(database.db, older, now)).toMatchObject({ kind: 'valid' });
    expect(await resetPassword(database.db, newer, 'the newest long password', now)).toEqual({ kind: 'saved' });
    expect(await checkResetToken(database.db, older, now)).toEqual({ kind: 'invalid' });
    expect(await resetPassword(database.db, older, 'an older long password', now)).toEqual({ kind: 'invalid' });
  });

  it('of two simultaneous saves with one link, exactly one wins', async () => {
    const token = await issueResetLink('active.host@acme.example');
    const results = await Promise.all([resetPassword(database.db, token, 'first long password', now), resetPassword(database.db, token, 'second long password', now)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['invalid', 'saved']);
  });

  it('a reset ends every session of the account', async () => {
    const [admin] = await findAccountsByEmail(database.db, 'site.admin@acme.example');
    const cookie = await createSession(database.db, admin!.id, now);
    expect(await readSession(database.db, cookie, now)).toBeDefined();
    const token = await resetLinkFor('site.admin@acme.example');
    expect(await resetPassword(database.db, token, 'a brand new admin password', now)).toEqual({ kind: 'saved' });
    expect(await readSession(database.db, cookie, now)).toBeUndefined();
  });

  it('expire after an hour', async () => {
    const token = await issueResetLink('verified.host@acme.example');
    expect(await checkResetToken(database.db, token, new Date(now.getTime() + 61 * 60_000))).toEqual({ kind: 'invalid' });
    expect(await resetPassword(database.db, token, 'too late long password', new Date(now.getTime() + 61 * 60_000))).toEqual({ kind: 'invalid' });
  });
});

describe('verification links', () => {
  it('die when the account changes status, even when it changes back', async () => {
    const [account] = await findAccountsByEmail(database.db, 'unverified.host@acme.example');
    const before = (await outbox()).length;
    await sendVerificationEmail(database.db, account!, 'cs', now);
    const [mail] = (await outbox()).slice(before);
    const token = linkIn(mail!.textBody, 'verify-email');
    expect(await checkVerificationToken(database.db, token, now)).toBe(true);

    // Deactivated, then reactivated to unverified (any code path: the trigger sees the column).
    await database.db.update(users).set({ status: 'inactive', deactivatedAt: now, statusBeforeDeactivation: 'unverified' }).where(eq(users.id, account!.id));
    await database.db.update(users).set({ status: 'unverified', deactivatedAt: null, statusBeforeDeactivation: null }).where(eq(users.id, account!.id));
    expect(await checkVerificationToken(database.db, token, now)).toBe(false);
    expect(await verifyEmail(database.db, token, now)).toEqual({ kind: 'invalid' });
    const [after] = await database.db.select({ status: users.status }).from(users).where(eq(users.id, account!.id));
    expect(after!.status).toBe('unverified');
  });

  it('verify once, then say "already"; a newer link used ends the older', async () => {
    const [account] = await findAccountsByEmail(database.db, 'unverified.host@acme.example');
    const before = (await outbox()).length;
    await sendVerificationEmail(database.db, account!, 'en', now);
    await sendVerificationEmail(database.db, account!, 'en', now);
    const [older, newer] = (await outbox()).slice(before).map((m) => linkIn(m.textBody, 'verify-email'));
    expect(await verifyEmail(database.db, newer!, now)).toEqual({ kind: 'verified' });
    expect(await checkVerificationToken(database.db, older!, now)).toBe(false);
    expect(await verifyEmail(database.db, newer!, now)).toEqual({ kind: 'already' });
    await database.db.update(users).set({ status: 'unverified' }).where(eq(users.id, account!.id));
  });
});
