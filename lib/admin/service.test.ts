import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { auditEvents, emailOutbox, sites, users } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import type { AdminContext } from './auth';
import { findActiveAdmin } from '@/lib/accounts/repository';
import { performBulkAction, performUserAction, undoUserAction, updateContactDetails } from './service';

describe('site administration actions', () => {
  let database: OpenDatabase;
  let acme: AdminContext;
  const now = new Date();
  const userId = async (email: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const statusOf = async (email: string) => (await database.db.select({ status: users.status }).from(users).where(eq(users.email, email)))[0]?.status;

  beforeAll(async () => {
    database = await useDemoDatabase(now);
    const admin = (await findActiveAdmin(database.db, await userId('site.admin@acme.example')))!;
    acme = { db: database.db, admin, session: { idHash: 'test', userId: admin.id, createdAt: now, lastSeenAt: now }, csrfToken: 'test', pendingRequests: 0 };
  });
  afterAll(async () => database.close());

  const act = async (email: string, action: Parameters<typeof performUserAction>[1]['action'], extra: { confirmed?: boolean; license?: string; reason?: string; at?: Date } = {}) =>
    performUserAction(acme, { userId: await userId(email), action, confirmed: extra.confirmed ?? false, license: extra.license, reason: extra.reason, locale: 'sv', now: extra.at ?? now });
  const licensesOf = async (email: string) => (await database.db.select({ licenses: users.licenses }).from(users).where(eq(users.email, email)))[0]?.licenses;

  it('keeps a change and its audit entry together: when the audit cannot be written, the change is undone', async () => {
    // First, while every demo account is as seeded. A real failure inside the database: a trigger refuses every audit entry for a moment.
    await database.db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$`);
    await database.db.execute(sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`);
    try {
      const before = await statusOf('active.host@acme.example');
      await expect(act('active.host@acme.example', 'deactivate', { confirmed: true })).rejects.toThrow();
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

  it('deactivates once confirmed, recording when, and refuses to deactivate yourself', async () => {
    expect(await act('active.host@acme.example', 'deactivate')).toEqual({ kind: 'needs-confirmation' });
    expect(await statusOf('active.host@acme.example')).toBe('active');
    expect(await act('active.host@acme.example', 'deactivate', { confirmed: true })).toMatchObject({ kind: 'done' });
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

  it('removes one license once confirmed', async () => {
    expect(await act('ad.disabled@acme.example', 'remove-license', { license: 'Webinars' })).toEqual({ kind: 'needs-confirmation' });
    expect(await act('ad.disabled@acme.example', 'remove-license', { license: 'Webinars', confirmed: true })).toMatchObject({ kind: 'done' });
    const [row] = await database.db.select({ licenses: users.licenses }).from(users).where(eq(users.email, 'ad.disabled@acme.example'));
    expect(row!.licenses).toEqual(['Meetings']);
    expect(await act('ad.disabled@acme.example', 'remove-license', { license: 'Webinars' })).toEqual({ kind: 'refused', reason: 'no-license' });
  });

  it('keeps the reason in the audit entry, and undoes a deactivation within ten minutes, once, audited', async () => {
    const email = 'verified2.host@acme.example';
    const [seeded] = await database.db.insert(users).values({ siteId: acme.admin.site.id, email, status: 'verified', licenses: ['Meetings'] }).returning({ id: users.id });
    const done = await act(email, 'deactivate', { confirmed: true, reason: '  Left the\ncompany \u202e ' });
    expect(done).toMatchObject({ kind: 'done', undo: expect.any(Number) });
    const auditId = done.kind === 'done' ? done.undo! : 0;
    const [entry] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, auditId));
    expect(entry).toMatchObject({ action: 'user.deactivate', targetLabel: email, details: { userId: seeded!.id, reason: 'Left the company' } });

    const later = new Date(now.getTime() + 9 * 60 * 1000);
    expect(await undoUserAction(acme, { auditId, now: later })).toEqual({ kind: 'undone', email });
    expect(await statusOf(email)).toBe('verified');
    const [undo] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.undo'));
    expect(undo!.details).toMatchObject({ undoes: auditId, undoneAction: 'user.deactivate', before: { status: 'inactive' }, after: { status: 'verified' } });
    expect(await undoUserAction(acme, { auditId, now: later })).toEqual({ kind: 'refused', reason: 'already-undone' });

    // Past the window, the server refuses whatever the page offered.
    const again = await act(email, 'deactivate', { confirmed: true });
    const tooLate = new Date(now.getTime() + 11 * 60 * 1000);
    expect(await undoUserAction(acme, { auditId: again.kind === 'done' ? again.undo! : 0, now: tooLate })).toEqual({ kind: 'refused', reason: 'expired' });
    expect(await statusOf(email)).toBe('inactive');
  });

  it('undoes a license removal, and assigns a license again; another site cannot undo', async () => {
    const email = 'active.host@acme.example';
    expect(await licensesOf(email)).toEqual(['Meetings', 'Webinars']);
    const removed = await act(email, 'remove-license', { license: 'Webinars', confirmed: true });
    const auditId = removed.kind === 'done' ? removed.undo! : 0;
    expect(await licensesOf(email)).toEqual(['Meetings']);

    const [globexSite] = await database.db.select({ id: sites.id }).from(sites).where(eq(sites.slug, 'globex'));
    const globex: AdminContext = { ...acme, admin: { ...acme.admin, site: { ...acme.admin.site, id: globexSite!.id } } };
    expect(await undoUserAction(globex, { auditId, now })).toEqual({ kind: 'refused', reason: 'not-undoable' });
    expect(await undoUserAction(acme, { auditId, now })).toEqual({ kind: 'undone', email });
    expect(await licensesOf(email)).toEqual(['Meetings', 'Webinars']);

    expect(await act(email, 'assign-license', { license: 'Webinars' })).toEqual({ kind: 'refused', reason: 'no-license' });
    expect(await act(email, 'assign-license', { license: 'Events' })).toMatchObject({ kind: 'done' });
    expect(await licensesOf(email)).toEqual(['Meetings', 'Webinars', 'Events']);
    expect(await act(email, 'assign-license', { license: 'Anything' })).toEqual({ kind: 'refused', reason: 'no-license' });
  });

  it('acts on several users at once: deactivation only once confirmed, skipping what is not offered', async () => {
    const ids = [await userId('unverified.host@acme.example'), await userId('ad.removed@acme.example'), await userId('site.admin@acme.example'), await userId('deactivated.host@globex.example')];
    expect(await performBulkAction(acme, { userIds: ids, action: 'deactivate', confirmed: false, locale: 'en', now })).toEqual({ kind: 'needs-confirmation' });
    expect(await statusOf('unverified.host@acme.example')).toBe('unverified');
    expect(await performBulkAction(acme, { userIds: [], action: 'deactivate', confirmed: true, locale: 'en', now })).toEqual({ kind: 'empty' });
    expect(await performBulkAction(acme, { userIds: ids, action: 'resend-invitation', confirmed: false, locale: 'en', now })).toEqual({
      kind: 'done',
      action: 'resend-invitation',
      done: 1,
      skipped: 3,
    });
    expect(await performBulkAction(acme, { userIds: ids, action: 'deactivate', confirmed: true, reason: 'Audit', locale: 'en', now })).toEqual({
      kind: 'done',
      action: 'deactivate',
      done: 1,
      skipped: 3,
    });
    expect(await statusOf('unverified.host@acme.example')).toBe('inactive');
    expect(await statusOf('site.admin@acme.example')).toBe('active');
    expect(await statusOf('deactivated.host@globex.example')).toBe('inactive');
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

  it('saves the message per language with the language of the default, refusing a direction override in any of them', async () => {
    const contact = { name: 'Desk', email: '', phone: '', message: 'Call the desk.' };
    const bad = await updateContactDetails(acme, { contact, privacyMode: false, messageLocale: 'en', messages: { ar: 'اتصل \u202e بالمكتب' }, now });
    expect(bad).toMatchObject({ kind: 'invalid', messageProblems: { ar: 'invalid-characters' } });
    expect(await updateContactDetails(acme, { contact, privacyMode: false, messageLocale: 'en', messages: { ar: ' اتصل بالمكتب. ', ja: '   ' }, now })).toEqual({ kind: 'saved' });
    const [site] = await database.db.select().from(sites).where(eq(sites.slug, 'acme'));
    expect(site).toMatchObject({ contactMessage: 'Call the desk.', contactMessageLocale: 'en', contactMessages: { ar: 'اتصل بالمكتب.' } });
    const entries = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'site.contact-details'));
    expect(entries.at(-1)!.details).toMatchObject({ after: { messageLocale: 'en', messages: { ar: 'اتصل بالمكتب.' } } });
  });
});
