import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { auditEvents, emailOutbox, sites, users } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import type { AdminContext } from './auth';
import { findActiveAdmin } from '@/lib/accounts/repository';
import { performUserAction, updateContactDetails } from './service';

describe('site administration actions', () => {
  let database: OpenDatabase;
  let acme: AdminContext;
  const now = new Date();
  const userId = async (email: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const statusOf = async (email: string) => (await database.db.select({ status: users.status }).from(users).where(eq(users.email, email)))[0]?.status;

  beforeAll(async () => {
    database = await useDemoDatabase(now);
    const admin = (await findActiveAdmin(database.db, await userId('site.admin@acme.example')))!;
    acme = { db: database.db, admin, session: { idHash: 'test', userId: admin.id, createdAt: now, lastSeenAt: now }, csrfToken: 'test' };
  });
  afterAll(async () => database.close());

  const act = async (email: string, action: Parameters<typeof performUserAction>[1]['action'], extra: { confirmed?: boolean; license?: string } = {}) =>
    performUserAction(acme, { userId: await userId(email), action, confirmed: extra.confirmed ?? false, license: extra.license, locale: 'sv', now });

  it('keeps a change and its audit entry together: when the audit cannot be written, the change is undone', async () => {
    // First, while every demo account is as seeded. A real failure inside the database: a trigger refuses every audit entry for a moment.
    await database.db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$`);
    await database.db.execute(sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`);
    try {
      const before = await statusOf('active.host@acme.example');
      await expect(act('active.host@acme.example', 'deactivate')).rejects.toThrow();
      expect(await statusOf('active.host@acme.example')).toBe(before);
      await expect(act('unverified.host@acme.example', 'delete', { confirmed: true })).rejects.toThrow();
      expect(await statusOf('unverified.host@acme.example')).toBeDefined();
    } finally {
      await database.db.execute(sql`drop trigger refuse_audit on audit_events`);
      await database.db.execute(sql`drop function refuse_audit()`);
    }
  });

  it('reactivates a deactivated host to its previous status, audits it and emails the user', async () => {
    expect(await act('deactivated.host@acme.example', 'reactivate')).toEqual({ kind: 'done', action: 'reactivate', email: 'deactivated.host@acme.example' });
    expect(await statusOf('deactivated.host@acme.example')).toBe('active');
    const [entry] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.reactivate'));
    expect(entry).toMatchObject({ actorLabel: 'site.admin@acme.example', targetLabel: 'deactivated.host@acme.example' });
    expect(entry!.details).toMatchObject({ before: { status: 'inactive' }, after: { status: 'active' } });
    const mail = await database.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, 'deactivated.host@acme.example'), eq(emailOutbox.kind, 'reactivated')));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.locale).toBe('sv');
  });

  it('never touches another site: a Globex user id posted by an Acme administrator is not found', async () => {
    expect(await act('deactivated.host@globex.example', 'reactivate')).toEqual({ kind: 'not-found' });
    expect(await act('deactivated.host@globex.example', 'delete', { confirmed: true })).toEqual({ kind: 'not-found' });
    expect(await statusOf('deactivated.host@globex.example')).toBe('inactive');
  });

  it('refuses status actions on directory-synced accounts', async () => {
    expect(await act('ad.removed@acme.example', 'reactivate')).toEqual({ kind: 'refused', reason: 'directory-managed' });
    expect(await act('ad.disabled@acme.example', 'delete', { confirmed: true })).toEqual({ kind: 'refused', reason: 'directory-managed' });
    expect(await statusOf('ad.disabled@acme.example')).toBe('inactive');
  });

  it('asks for confirmation before deleting, then deletes and audits', async () => {
    expect(await act('verified.host@acme.example', 'delete')).toEqual({ kind: 'needs-confirmation' });
    expect(await statusOf('verified.host@acme.example')).toBe('verified');
    expect(await act('verified.host@acme.example', 'delete', { confirmed: true })).toMatchObject({ kind: 'done' });
    expect(await statusOf('verified.host@acme.example')).toBeUndefined();
    const [entry] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.delete'));
    expect(entry?.details).toMatchObject({ before: { status: 'verified' }, after: null });
  });

  it('deactivates, recording when, and refuses to deactivate yourself', async () => {
    expect(await act('active.host@acme.example', 'deactivate')).toMatchObject({ kind: 'done' });
    const [row] = await database.db.select().from(users).where(eq(users.email, 'active.host@acme.example'));
    expect(row).toMatchObject({ status: 'inactive', statusBeforeDeactivation: 'active' });
    expect(row!.deactivatedAt?.getTime()).toBe(now.getTime());
    expect(await act('site.admin@acme.example', 'deactivate')).toEqual({ kind: 'refused', reason: 'own-account' });
  });

  it('resends the invitation as a new verification email, only to unverified accounts', async () => {
    expect(await act('unverified.host@acme.example', 'resend-invitation')).toMatchObject({ kind: 'done' });
    const mail = await database.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, 'unverified.host@acme.example'), eq(emailOutbox.kind, 'verification')));
    expect(mail).toHaveLength(1);
    expect(await act('site.admin@acme.example', 'resend-invitation')).toEqual({ kind: 'refused', reason: 'not-for-status' });
  });

  it('removes one license', async () => {
    expect(await act('ad.disabled@acme.example', 'remove-license', { license: 'Webinars' })).toMatchObject({ kind: 'done' });
    const [row] = await database.db.select({ licenses: users.licenses }).from(users).where(eq(users.email, 'ad.disabled@acme.example'));
    expect(row!.licenses).toEqual(['Meetings']);
    expect(await act('ad.disabled@acme.example', 'remove-license', { license: 'Webinars' })).toEqual({ kind: 'refused', reason: 'no-license' });
  });

  it('saves contact details with an audit of before and after, and refuses bad input without saving', async () => {
    const bad = await updateContactDetails(acme, { contact: { name: 'Desk', email: 'nope', phone: '', message: '' }, privacyMode: false, now });
    expect(bad).toMatchObject({ kind: 'invalid', problems: { email: 'invalid-email' } });
    const [unchanged] = await database.db.select().from(sites).where(eq(sites.slug, 'acme'));
    expect(unchanged!.contactEmail).toBe('help@acme.example');

    const saved = await updateContactDetails(acme, { contact: { name: ' New Desk ', email: 'desk@acme.example', phone: '', message: '' }, privacyMode: true, now });
    expect(saved).toEqual({ kind: 'saved' });
    const [site] = await database.db.select().from(sites).where(eq(sites.slug, 'acme'));
    expect(site).toMatchObject({ contactName: 'New Desk', contactEmail: 'desk@acme.example', contactPhone: null, privacyMode: true });
    const [entry] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'site.contact-details'));
    expect(entry!.details).toMatchObject({ before: { email: 'help@acme.example', privacyMode: false }, after: { email: 'desk@acme.example', phone: null, privacyMode: true } });
  });
});
