import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { demoAdminPassword } from './demo';
import { adminSessions, users } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import { signIn } from './auth';
import { findActiveAdmin } from '@/lib/accounts/repository';
import { sessionLimits } from './rules';
import { createSession, csrfTokenFor, isCsrfTokenValid, readSession } from './session';

describe('signing in to site administration', () => {
  let database: OpenDatabase;
  const now = new Date();
  beforeAll(async () => {
    database = await useDemoDatabase(now);
  });
  afterAll(async () => database.close());

  const attempt = (email: string, password: string, clientIp = '198.51.100.7') => signIn(database.db, { email, password, clientIp, now });

  it('signs in the demo administrator with the demo password and stores only a hash of the session', async () => {
    const result = await attempt('site.admin@acme.example', demoAdminPassword);
    expect(result.kind).toBe('signed-in');
    if (result.kind !== 'signed-in') return;
    expect(Buffer.from(result.cookieValue, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await database.db.select().from(adminSessions);
    expect(stored.some((s) => s.idHash === result.cookieValue)).toBe(false);
    const session = await readSession(database.db, result.cookieValue, now);
    expect(session).toBeDefined();
  });

  it('answers a wrong password, an unknown address and a deactivated administrator the same way', async () => {
    expect(await attempt('site.admin@acme.example', 'wrong password')).toEqual({ kind: 'refused' });
    expect(await attempt('nobody@acme.example', demoAdminPassword)).toEqual({ kind: 'refused' });
    expect(await attempt('locked.admin@acme.example', demoAdminPassword)).toEqual({ kind: 'refused' });
    expect(await attempt('active.host@acme.example', demoAdminPassword)).toEqual({ kind: 'refused' });
  });

  it('stops an address after five failures, even with the right password, from any client', async () => {
    const email = 'locked.admin@acme.example';
    for (let i = 0; i < 5; i++) await attempt(email, `guess ${i}`, `198.51.100.${20 + i}`);
    expect(await attempt(email, demoAdminPassword, '198.51.100.99')).toMatchObject({ kind: 'rate-limited' });
  });

  it('stops a burst of parallel guesses for one address at the limit: only five passwords are checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => attempt('unverified.host@acme.example', `parallel guess ${i}`, `198.51.100.${120 + i}`)),
    );
    expect(results.filter((result) => result.kind === 'refused')).toHaveLength(5);
    expect(results.filter((result) => result.kind === 'rate-limited')).toHaveLength(20);
  });

  it('gives a successful attempt back: an administrator who signs in often is never counted out', async () => {
    for (let i = 0; i < 8; i++) expect((await attempt('site.admin@acme.example', demoAdminPassword, '198.51.100.200')).kind).toBe('signed-in');
  });

  // Through signIn, not createSession: a sign-in that reused or replaced the administrator's
  // existing session (session fixation, or signing out another browser) fails here.
  it('makes a new session on every sign-in and leaves the earlier ones valid', async () => {
    const before = await database.db.select().from(adminSessions);
    const first = await attempt('site.admin@acme.example', demoAdminPassword, '198.51.100.31');
    const second = await attempt('site.admin@acme.example', demoAdminPassword, '198.51.100.32');
    if (first.kind !== 'signed-in' || second.kind !== 'signed-in') throw new Error(`sign-in answered ${first.kind}, ${second.kind}`);
    expect(await database.db.select().from(adminSessions)).toHaveLength(before.length + 2);
    expect(second.cookieValue).not.toBe(first.cookieValue);
    expect(await readSession(database.db, first.cookieValue, now)).toBeDefined();
    expect(await readSession(database.db, second.cookieValue, now)).toBeDefined();
  });
});

describe('sessions and anti-forgery tokens', () => {
  let database: OpenDatabase;
  let adminId: number;
  const start = new Date('2026-11-21T08:00:00Z');
  beforeAll(async () => {
    database = await useDemoDatabase(start);
    adminId = (await database.db.select().from(users).where(eq(users.email, 'site.admin@acme.example')))[0]!.id;
  });
  afterAll(async () => database.close());

  it('end after 30 idle minutes', async () => {
    const id = await createSession(database.db, adminId, start);
    expect(await readSession(database.db, id, new Date(start.getTime() + 29 * 60_000))).toBeDefined();
    expect(await readSession(database.db, id, new Date(start.getTime() + 29 * 60_000 + sessionLimits.idleMs))).toBeUndefined();
    // Ended sessions are gone, not just refused.
    expect(await readSession(database.db, id, new Date(start.getTime() + 30 * 60_000))).toBeUndefined();
  });

  it('end 12 hours after sign-in, even when used all along', async () => {
    const id = await createSession(database.db, adminId, start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      expect(await readSession(database.db, id, new Date(start.getTime() + minutes * 60_000)), `${minutes} min`).toBeDefined();
    }
    expect(await readSession(database.db, id, new Date(start.getTime() + sessionLimits.absoluteMs))).toBeUndefined();
  });

  it('refuse a cookie value nobody was given', async () => {
    expect(await readSession(database.db, 'made-up', start)).toBeUndefined();
    expect(await readSession(database.db, 'x'.repeat(500), start)).toBeUndefined();
  });

  it('have one anti-forgery token each, which another session cannot use', async () => {
    const a = await readSession(database.db, await createSession(database.db, adminId, start), start);
    const b = await readSession(database.db, await createSession(database.db, adminId, start), start);
    expect(isCsrfTokenValid(a!, csrfTokenFor(a!))).toBe(true);
    expect(isCsrfTokenValid(a!, csrfTokenFor(b!))).toBe(false);
    expect(isCsrfTokenValid(a!, undefined)).toBe(false);
    expect(isCsrfTokenValid(a!, '')).toBe(false);
  });

  it('belong to an administrator only while the account may administer', async () => {
    expect(await findActiveAdmin(database.db, adminId)).toMatchObject({ email: 'site.admin@acme.example', site: { slug: 'acme' } });
    const host = (await database.db.select().from(users).where(eq(users.email, 'active.host@acme.example')))[0]!.id;
    expect(await findActiveAdmin(database.db, host)).toBeUndefined();
    const locked = (await database.db.select().from(users).where(eq(users.email, 'locked.admin@acme.example')))[0]!.id;
    expect(await findActiveAdmin(database.db, locked)).toBeUndefined();
  });
});
