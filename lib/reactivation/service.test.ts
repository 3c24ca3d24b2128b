import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActiveAdmin } from '@/lib/accounts/repository';
import { handleMailRequests } from '@/lib/account-recovery/mail-requests';
import type { AdminContext } from '@/lib/admin/auth';
import { performUserAction } from '@/lib/admin/service';
import type { OpenDatabase } from '@/lib/db/client';
import { auditEvents, emailOutbox, reactivationRequests, sites, users } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import { diagnose } from '@/lib/sign-in-help/service';
import { useDemoDatabase } from '@/lib/testing/database';
import { checkConfirmationLink, usersWithPendingRequests } from './confirmation';
import { approveRequest, askForReactivation, confirmRequest, countRequests, declineRequest, endExpiredRequests, listRequests } from './service';

/**
 * The reactivation request's whole life on a real database: asked from a sign-in help outcome,
 * confirmed through the link the mail worker sent to the account, seen and settled by the site's
 * administrator, and ended by itself when the account changes another way or nobody answers.
 */

const now = new Date();
const day = 86_400_000;
let database: OpenDatabase;
let acme: AdminContext;
let client = 0;
const nextIp = () => `203.0.113.${++client}`;

const userOf = async (email: string, site = 'acme') =>
  (
    await database.db
      .select({ id: users.id, status: users.status, preferredLocale: users.preferredLocale })
      .from(users)
      .innerJoin(sites, eq(users.siteId, sites.id))
      .where(and(eq(users.email, email), eq(sites.slug, site)))
  )[0]!;
const mailTo = (email: string, kind: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, kind)));
const requestsOf = async (userId: number) => database.db.select().from(reactivationRequests).where(eq(reactivationRequests.userId, userId));

/** Sign-in help for the address, then "ask my administrator", then the mail worker: the links it sent, newest last. */
async function ask(email: string, locale: Locale = 'en', site?: string): Promise<{ code: string; links: string[]; asked: Awaited<ReturnType<typeof askForReactivation>> }> {
  const diagnosed = await diagnose(database.db, { locale, problem: 'deactivated', email, clientIp: nextIp(), now, ...(site ? { siteSlug: site } : {}) });
  if (diagnosed.kind !== 'diagnosed') throw new Error(`expected a diagnosis, got ${diagnosed.kind}`);
  const asked = await askForReactivation(database.db, { code: diagnosed.code, locale, clientIp: nextIp(), now });
  await handleMailRequests(database.db, now);
  const links = (await mailTo(email, 'reactivation-confirm')).map((mail) => /https?:\/\/\S+\/reactivation-request\/[\w-]+/.exec(mail.textBody)?.[0] ?? '');
  return { code: diagnosed.code, links, asked };
}
const tokenOf = (link: string) => link.split('/').pop()!;
const confirm = (link: string, locale: Locale = 'en', at = now) => confirmRequest(database.db, { token: tokenOf(link), locale, clientIp: nextIp(), now: at });

async function deactivate(email: string, daysAgo = 1): Promise<void> {
  await database.db
    .update(users)
    .set({ status: 'inactive', statusBeforeDeactivation: 'verified', deactivatedAt: new Date(now.getTime() - daysAgo * day) })
    .where(eq(users.email, email));
}

beforeAll(async () => {
  database = await useDemoDatabase(now);
  const admin = (await findActiveAdmin(database.db, (await userOf('site.admin@acme.example')).id))!;
  acme = { db: database.db, admin, session: { idHash: 'test', userId: admin.id, createdAt: now, lastSeenAt: now }, csrfToken: 'test', pendingRequests: 0 };
});
afterAll(async () => database.close());

describe('asking', () => {
  it('gives every address the same answer, and sends a confirmation link only to an account its administrator can reactivate', async () => {
    for (const email of ['ad.removed@acme.example', 'ad.disabled@acme.example', 'locked.admin@acme.example', 'active.host@acme.example', 'nobody@nowhere.example']) {
      const { asked, links } = await ask(email);
      expect(asked).toEqual({ kind: 'asked' });
      expect(links).toEqual([]);
    }
    const { asked, links, code } = await ask('deactivated.host@acme.example', 'cs');
    expect(asked).toEqual({ kind: 'asked' });
    expect(links).toHaveLength(1);
    expect(links[0]).toContain('/cs/reactivation-request/');
    const [mail] = await mailTo('deactivated.host@acme.example', 'reactivation-confirm');
    expect(mail).toMatchObject({ locale: 'cs' });
    expect(mail!.textBody).toContain(code);
    // Opening the link changes nothing (mail scanners open links): no request yet.
    expect(await checkConfirmationLink(database.db, tokenOf(links[0]!), now)).toEqual({ kind: 'open', siteName: 'Acme Corporation' });
    expect(await requestsOf((await userOf('deactivated.host@acme.example')).id)).toEqual([]);
  });

  it('limits asking per address and client', async () => {
    const diagnosed = await diagnose(database.db, { locale: 'en', problem: 'deactivated', email: 'deactivated.host@acme.example', clientIp: nextIp(), now });
    if (diagnosed.kind !== 'diagnosed') throw new Error('expected a diagnosis');
    const ip = nextIp();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await askForReactivation(database.db, { code: diagnosed.code, locale: 'en', clientIp: ip, now })).kind);
    expect(answers).toEqual(['asked', 'asked', 'asked', 'rate-limited']);
    // Another client (the person, on their own device) is not blocked by that.
    expect((await askForReactivation(database.db, { code: diagnosed.code, locale: 'en', clientIp: nextIp(), now })).kind).toBe('asked');
    await handleMailRequests(database.db, now);
  });
});

describe('the request, from the link to the decision', () => {
  it('files the request once, in the language asked in, and tells each active administrator in theirs', async () => {
    await database.db.update(users).set({ preferredLocale: 'de' }).where(eq(users.email, 'site.admin@acme.example'));
    const person = await userOf('deactivated.host@acme.example');
    const links = (await mailTo('deactivated.host@acme.example', 'reactivation-confirm')).map((mail) => /https?:\/\/\S+\/reactivation-request\/[\w-]+/.exec(mail.textBody)![0]);
    expect(links.length).toBeGreaterThan(1);

    expect(await confirm(links[0]!, 'cs')).toEqual({ kind: 'filed' });
    const [request] = await requestsOf(person.id);
    expect(request).toMatchObject({ state: 'pending', locale: 'cs' });
    expect(request!.referenceCode).toMatch(/^SP-/);
    expect((await userOf('deactivated.host@acme.example')).preferredLocale).toBe('cs');

    const [toAdmin, ...more] = await mailTo('site.admin@acme.example', 'reactivation-request');
    expect(more).toEqual([]);
    expect(toAdmin).toMatchObject({ locale: 'de' });
    expect(toAdmin!.textBody).toContain('deactivated.host@acme.example');
    expect(toAdmin!.textBody).toContain(request!.referenceCode);
    expect(toAdmin!.textBody).toContain('/de/admin/requests');
    // The locked-out administrator is not active: nothing for them.
    expect(await mailTo('locked.admin@acme.example', 'reactivation-request')).toEqual([]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'reactivation.requested'));
    expect(audit).toMatchObject({ actorLabel: 'deactivated.host@acme.example', details: { requestId: request!.id } });

    // The same link again, and the other links (ended when one was used): nothing more.
    expect(await confirm(links[0]!, 'cs')).toEqual({ kind: 'invalid' });
    expect(await confirm(links[1]!, 'cs')).toEqual({ kind: 'invalid' });
    // Asking again while one is pending sends no new link.
    const again = await ask('deactivated.host@acme.example');
    expect(again.links).toHaveLength(links.length);
    expect(await requestsOf(person.id)).toHaveLength(1);
    expect(await mailTo('site.admin@acme.example', 'reactivation-request')).toHaveLength(1);
  });

  it('shows the pending request to its own site only, and reactivates it in one step', async () => {
    const person = await userOf('deactivated.host@acme.example');
    const { pending } = await listRequests(database.db, acme.admin.site.id, now);
    const acmeIds = (await database.db.select({ id: users.id }).from(users).where(eq(users.siteId, acme.admin.site.id))).map((row) => row.id);
    expect([...(await usersWithPendingRequests(database.db, acme.admin.site.id, acmeIds))]).toEqual([person.id]);
    expect(await usersWithPendingRequests(database.db, acme.admin.site.id, [])).toEqual(new Set());
    expect(pending.map((row) => row.user?.email)).toEqual(['deactivated.host@acme.example']);
    expect(pending[0]!.user).toMatchObject({ status: 'inactive', statusBeforeDeactivation: 'active', daysLeft: 20 });
    const [request] = await requestsOf(person.id);

    // A site with no administrator who can act gets no link: nobody would ever see the request.
    expect((await ask('deactivated.host@globex.example', 'fr', 'globex')).links).toEqual([]);
    const [globexSite] = await database.db.select({ id: sites.id }).from(sites).where(eq(sites.slug, 'globex'));
    await database.db.insert(users).values({ siteId: globexSite!.id, email: 'admin@globex.example', status: 'active', isSiteAdmin: true });
    // A request on another site is not this administrator's to settle.
    const globex = await ask('deactivated.host@globex.example', 'fr', 'globex');
    expect(await confirm(globex.links[0]!, 'fr')).toEqual({ kind: 'filed' });
    const [globexRequest] = await requestsOf((await userOf('deactivated.host@globex.example', 'globex')).id);
    expect(await approveRequest(acme, { requestId: globexRequest!.id, now })).toEqual({ kind: 'settled' });
    expect(await declineRequest(acme, { requestId: globexRequest!.id, reason: 'no', now })).toEqual({ kind: 'settled' });
    expect((await requestsOf((await userOf('deactivated.host@globex.example', 'globex')).id))[0]).toMatchObject({ state: 'pending' });
    expect(await mailTo('admin@globex.example', 'reactivation-request')).toHaveLength(1);
    expect(await mailTo('site.admin@acme.example', 'reactivation-request')).toHaveLength(1);

    expect(await approveRequest(acme, { requestId: request!.id, now })).toEqual({ kind: 'approved', email: 'deactivated.host@acme.example' });
    expect((await userOf('deactivated.host@acme.example')).status).toBe('active');
    expect((await requestsOf(person.id))[0]).toMatchObject({ state: 'approved', decidedBy: 'site.admin@acme.example' });
    const [decision] = await mailTo('deactivated.host@acme.example', 'reactivated');
    expect(decision).toMatchObject({ locale: 'cs' });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.reactivate'), eq(auditEvents.targetLabel, 'deactivated.host@acme.example')));
    expect(audit!.details).toMatchObject({ requestId: request!.id, before: { status: 'inactive' }, after: { status: 'active' } });
    // A second click (or a second administrator) finds it settled.
    expect(await approveRequest(acme, { requestId: request!.id, now })).toEqual({ kind: 'settled' });
  });

  it('declines only with a reason, which the person gets in their language', async () => {
    await deactivate('verified.host@acme.example');
    const person = await userOf('verified.host@acme.example');
    const { links } = await ask('verified.host@acme.example', 'sv');
    expect(await confirm(links[0]!, 'sv')).toEqual({ kind: 'filed' });
    const [request] = await requestsOf(person.id);
    expect(await declineRequest(acme, { requestId: request!.id, reason: '   ', now })).toEqual({ kind: 'reason-missing' });
    expect(await declineRequest(acme, { requestId: request!.id, reason: 'Du har\nslutat hos oss <b>.', now })).toEqual({ kind: 'declined', email: 'verified.host@acme.example' });
    expect((await userOf('verified.host@acme.example')).status).toBe('inactive');
    expect((await requestsOf(person.id))[0]).toMatchObject({ state: 'declined', declineReason: 'Du har slutat hos oss <b>.' });
    const [mail] = await mailTo('verified.host@acme.example', 'reactivation-declined');
    expect(mail).toMatchObject({ locale: 'sv' });
    expect(mail!.textBody).toContain('Du har slutat hos oss <b>.');
    // Declined is settled: the person may ask again, and that is a new request.
    const second = await ask('verified.host@acme.example', 'sv');
    expect(await confirm(second.links.at(-1)!, 'sv')).toEqual({ kind: 'filed' });
    expect((await requestsOf(person.id)).map((row) => row.state).sort()).toEqual(['declined', 'pending']);
  });
});

describe('a request ends by itself', () => {
  it('when the account is reactivated another way (the users page)', async () => {
    const person = await userOf('verified.host@acme.example');
    const done = await performUserAction(acme, { userId: person.id, action: 'reactivate', confirmed: true, locale: 'en', now });
    expect(done.kind).toBe('done');
    // Its email belongs to the site, so an undelivered one shows on the site's Undelivered email page.
    expect((await mailTo('verified.host@acme.example', 'reactivated')).map((mail) => mail.siteId)).toEqual([acme.admin.site.id]);
    const rows = await requestsOf(person.id);
    expect(rows.find((row) => row.state !== 'declined')).toMatchObject({ state: 'ended', endedReason: 'reactivated' });
    expect((await listRequests(database.db, acme.admin.site.id, now)).pending.map((row) => row.user?.email)).not.toContain('verified.host@acme.example');
  });

  it('when the account is deleted, keeping the request without the person', async () => {
    await deactivate('unverified.host@acme.example');
    const person = await userOf('unverified.host@acme.example');
    const { links } = await ask('unverified.host@acme.example');
    expect(await confirm(links[0]!)).toEqual({ kind: 'filed' });
    const [request] = await requestsOf(person.id);
    expect((await performUserAction(acme, { userId: person.id, action: 'delete', confirmed: true, locale: 'en', now })).kind).toBe('done');
    const [ended] = await database.db.select().from(reactivationRequests).where(eq(reactivationRequests.id, request!.id));
    expect(ended).toMatchObject({ state: 'ended', endedReason: 'deleted', userId: null });
    expect((await listRequests(database.db, acme.admin.site.id, now)).settled.find((row) => row.id === request!.id)?.user).toBeNull();
  });

  it('when nobody decides within 14 days', async () => {
    await deactivate('active.host@acme.example', 2);
    const person = await userOf('active.host@acme.example');
    const { links } = await ask('active.host@acme.example');
    expect(await confirm(links[0]!, 'en', new Date(now.getTime() - 15 * day))).toEqual({ kind: 'filed' });
    // A day short of the lifetime it stays; past it, it ends (once).
    expect(await endExpiredRequests(database.db, new Date(now.getTime() - 2 * day))).toBe(0);
    expect(await endExpiredRequests(database.db, now)).toBe(1);
    expect((await requestsOf(person.id))[0]).toMatchObject({ state: 'ended', endedReason: 'expired' });
    expect(await endExpiredRequests(database.db, now)).toBe(0);
    // The person is told once, with the way to ask again.
    const told = await mailTo('active.host@acme.example', 'reactivation-expired');
    expect(told).toHaveLength(1);
    expect(told[0]!.textBody).toContain('/en/sign-in-help');
  });

  it('and a link sent before the account changed files nothing after', async () => {
    await deactivate('consultant@partner.example');
    const { links } = await ask('consultant@partner.example', 'en', 'acme');
    const consultant = await userOf('consultant@partner.example');
    await performUserAction(acme, { userId: consultant.id, action: 'reactivate', confirmed: true, locale: 'en', now });
    expect(await checkConfirmationLink(database.db, tokenOf(links[0]!), now)).toEqual({ kind: 'invalid' });
    expect(await confirm(links[0]!)).toEqual({ kind: 'invalid' });
    expect(await requestsOf(consultant.id)).toEqual([]);
  });
});

describe('at the same moment', () => {
  it('files one request from one link followed ten times at once, and settles it once for two administrators', async () => {
    await deactivate('verified.host@acme.example');
    const person = await userOf('verified.host@acme.example');
    const before = (await requestsOf(person.id)).length;
    const { links } = await ask('verified.host@acme.example');
    const link = links.at(-1)!;
    const results = await Promise.all(Array.from({ length: 10 }, () => confirm(link)));
    expect(results.filter((result) => result.kind === 'filed')).toHaveLength(1);
    expect(results.filter((result) => result.kind !== 'filed').every((result) => result.kind === 'invalid')).toBe(true);
    const pending = (await requestsOf(person.id)).filter((row) => row.state === 'pending');
    expect(pending).toHaveLength(1);
    expect(await requestsOf(person.id)).toHaveLength(before + 1);

    const decisions = await Promise.all([approveRequest(acme, { requestId: pending[0]!.id, now }), declineRequest(acme, { requestId: pending[0]!.id, reason: 'At once', now })]);
    expect(decisions.map((decision) => decision.kind).sort()).toEqual(expect.arrayContaining(['settled']));
    expect(decisions.filter((decision) => decision.kind === 'approved' || decision.kind === 'declined')).toHaveLength(1);
    const [settled] = (await requestsOf(person.id)).filter((row) => row.id === pending[0]!.id);
    expect(settled!.state === 'approved' || settled!.state === 'declined').toBe(true);
    if (settled!.state === 'declined') await performUserAction(acme, { userId: person.id, action: 'reactivate', confirmed: true, locale: 'en', now });
    expect((await userOf('verified.host@acme.example')).status).toBe('verified');
  });
});

describe('privacy mode', () => {
  it('puts the offer in the guidance email only, as a link that files the request', async () => {
    await database.db.update(sites).set({ privacyMode: true }).where(eq(sites.slug, 'acme'));
    try {
      await deactivate('active.host@acme.example', 1);
      // The expired request above is settled; this is a new one.
      const diagnosed = await diagnose(database.db, { locale: 'ja', problem: 'deactivated', email: 'active.host@acme.example', clientIp: nextIp(), now });
      expect(diagnosed).toMatchObject({ kind: 'diagnosed', outcome: 'account-ok' });
      await handleMailRequests(database.db, now);
      const [guidance] = await mailTo('active.host@acme.example', 'contact-details');
      const link = /https?:\/\/\S+\/ja\/reactivation-request\/[\w-]+/.exec(guidance!.textBody)?.[0];
      expect(link).toBeDefined();
      expect(await confirm(link!, 'ja')).toEqual({ kind: 'filed' });
      const rows = await requestsOf((await userOf('active.host@acme.example')).id);
      expect(rows.filter((row) => row.state === 'pending')).toHaveLength(1);
    } finally {
      await database.db.update(sites).set({ privacyMode: false }).where(eq(sites.slug, 'acme'));
    }
  });
});

describe('the support report', () => {
  it("counts this site's requests by where they ended, with the median time to a decision", async () => {
    const [acmeSite] = await database.db.select({ id: sites.id }).from(sites).where(eq(sites.slug, 'acme'));
    const counts = await countRequests(database.db, acmeSite!.id, new Date(now.getTime() - 30 * day), new Date(now.getTime() + day));
    const count = (result: string) => counts.results.find((row) => row.result === result)?.count ?? 0;
    expect(count('pending')).toBe(1);
    expect(count('approved') + count('declined')).toBe(3);
    expect(count('approved')).toBeGreaterThanOrEqual(1);
    expect(count('declined')).toBeGreaterThanOrEqual(1);
    expect(count('reactivated')).toBe(1);
    expect(count('deleted')).toBe(1);
    expect(count('expired')).toBe(1);
    // Every decision here was made at the moment of asking.
    expect(counts.medianDecisionHours).toBe(0);
    // A range that holds none of them: nothing, and no median.
    expect(await countRequests(database.db, acmeSite!.id, new Date(now.getTime() - 90 * day), new Date(now.getTime() - 60 * day))).toEqual({ results: [], medianDecisionHours: null });
  });
});
