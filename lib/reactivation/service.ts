import 'server-only';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { findAccountById, findUserOnSite, updateUserOnSite, type AccountRecord } from '@/lib/accounts/repository';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import type { UserStatus } from '@/lib/accounts/types';
import { queueMailRequest } from '@/lib/account-recovery/mail-requests';
import { useToken } from '@/lib/account-recovery/token-store';
import type { AdminContext } from '@/lib/admin/auth';
import { recordAudit } from '@/lib/admin/repository';
import { changeFor, offerAction } from '@/lib/admin/rules';
import { absoluteUrl } from '@/lib/config/env';
import type { Database } from '@/lib/db/client';
import { reactivationRequests, users } from '@/lib/db/schema';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { sendEmail } from '@/lib/mail/mailer';
import { reactivatedEmail } from '@/lib/mail/templates';
import { paths } from '@/lib/paths';
import { consume } from '@/lib/rate-limit/limiter';
import { canAskForReactivation } from '@/lib/sign-in-help/guidance';
import { getDiagnosis } from '@/lib/sign-in-help/repository';
import { activeAdministrators } from './confirmation';
import { declinedEmail, expiredEmail, requestToAdminEmail } from './emails';
import { declineReasonLimit, requestLifetimeDays, type RequestEnd, type RequestState } from './types';

/**
 * "Ask my administrator to reactivate my account", from asking to the decision:
 *
 * 1. Asking (from a sign-in help outcome) queues the same mail request whatever the account; the
 *    mail worker sends a confirmation link to the account's own address when a request can be
 *    filed (so nobody files one in someone else's name).
 * 2. Following the link and pressing the button files the request, once: a second while one is
 *    pending adds nothing. Each of the site's active administrators gets an email in their own
 *    language with the reference code and a link to the Requests page.
 * 3. An administrator reactivates (the account returns to its previous status) or declines with a
 *    reason; either is audited and the person gets the decision in the language they asked in.
 * 4. A request ends by itself when the account is reactivated another way or deleted (triggers,
 *    migration 0008) or after `requestLifetimeDays`.
 */

type RateLimited = { kind: 'rate-limited'; retryAfterMs: number };

/**
 * The "ask" button. The answer is the same for every diagnosis and account (one queued mail
 * request when the diagnosis names an account): the worker decides whether a link goes out.
 */
export async function askForReactivation(db: Database, input: { code: string; locale: Locale; clientIp: string; now: Date }): Promise<RateLimited | { kind: 'asked' }> {
  const diagnosis = await getDiagnosis(db, input.code, input.now);
  const account = diagnosis?.subjectUserId ? await findAccountById(db, diagnosis.subjectUserId) : undefined;
  const limit = await consume('reactivationRequest', { clientIp: input.clientIp, email: account?.email });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  if (account) {
    await queueMailRequest(db, { flow: 'reactivation', email: account.email, siteSlug: account.site.slug, locale: input.locale, referenceCode: input.code }, input.now);
  }
  return { kind: 'asked' };
}

export type ConfirmResult = RateLimited | { kind: 'filed' } | { kind: 'already-pending' } | { kind: 'invalid' };

/**
 * The button on the link's page: uses the link, files the request (once: the partial unique index
 * keeps one pending per account, whatever happens at the same time), remembers the person's
 * language, audits, and writes the email to each of the site's active administrators, all in one
 * transaction.
 */
export async function confirmRequest(db: Database, input: { token: string; locale: Locale; clientIp: string; now: Date }): Promise<ConfirmResult> {
  const limit = await consume('reactivationConfirm', { clientIp: input.clientIp });
  if (!limit.ok) return { kind: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  return db.transaction(async (tx) => {
    const used = await useToken(tx, input.token, 'reactivation-request', input.now);
    if (!used) return { kind: 'invalid' } as const;
    const account = await findAccountById(tx, used.userId);
    if (!account || !canAskForReactivation(account, input.now)) return { kind: 'invalid' } as const;
    const [filed] = await tx
      .insert(reactivationRequests)
      .values({ siteId: account.site.id, userId: account.id, locale: input.locale, referenceCode: used.referenceCode, createdAt: input.now })
      .onConflictDoNothing()
      .returning({ id: reactivationRequests.id });
    if (!filed) return { kind: 'already-pending' } as const;
    await tx.update(users).set({ preferredLocale: input.locale }).where(eq(users.id, account.id));
    await recordAudit(
      tx,
      {
        siteId: account.site.id,
        actorUserId: account.id,
        actorLabel: account.email,
        action: 'reactivation.requested',
        targetLabel: account.email,
        details: { userId: account.id, requestId: filed.id, ...(used.referenceCode ? { referenceCode: used.referenceCode } : {}) },
      },
      input.now,
    );
    await notifyAdministrators(tx, account, used.referenceCode, input.now);
    return { kind: 'filed' } as const;
  });
}

async function notifyAdministrators(db: Database, account: AccountRecord, referenceCode: string | null, now: Date): Promise<void> {
  const admins = await activeAdministrators(db, account.site.id);
  const retention = deriveAccountState(account, now).retention;
  const daysLeft = retention && 'deletesAt' in retention ? retention.daysLeft : null;
  const person = account.displayName ? `${account.displayName} <${account.email}>` : account.email;
  for (const admin of admins) {
    const locale: Locale = admin.preferredLocale && isLocale(admin.preferredLocale) ? admin.preferredLocale : 'en';
    const mail = requestToAdminEmail(locale, await loadMessages(locale), {
      siteName: account.site.name,
      person,
      link: absoluteUrl(paths.admin.requests(locale)),
      referenceCode,
      daysLeft,
    });
    await sendEmail(db, { to: admin.email, kind: 'reactivation-request', locale, siteId: account.site.id, ...mail });
  }
}

export type RequestRow = {
  id: number;
  state: RequestState;
  endedReason: RequestEnd | null;
  locale: string;
  referenceCode: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  declineReason: string | null;
  user: { id: number; email: string; displayName: string | null; status: UserStatus; statusBeforeDeactivation: UserStatus | null; daysLeft: number | null } | null;
};

/** The Requests page: this site's pending requests (oldest first), then the latest settled ones. */
export async function listRequests(db: Database, siteId: number, now: Date, settledLimit = 20): Promise<{ pending: RequestRow[]; settled: RequestRow[] }> {
  const rows = async (pending: boolean) =>
    db
      .select({ request: reactivationRequests, user: users })
      .from(reactivationRequests)
      .leftJoin(users, eq(reactivationRequests.userId, users.id))
      .where(and(eq(reactivationRequests.siteId, siteId), pending ? eq(reactivationRequests.state, 'pending') : sql`${reactivationRequests.state} <> 'pending'`))
      .orderBy(pending ? reactivationRequests.createdAt : desc(reactivationRequests.decidedAt))
      .limit(pending ? 200 : settledLimit);
  const toRow = ({ request, user }: Awaited<ReturnType<typeof rows>>[number]): RequestRow => {
    const retention = user ? deriveAccountState(user, now).retention : undefined;
    return {
      id: request.id,
      state: request.state,
      endedReason: request.endedReason,
      locale: request.locale,
      referenceCode: request.referenceCode,
      createdAt: request.createdAt,
      decidedAt: request.decidedAt,
      decidedBy: request.decidedBy,
      declineReason: request.declineReason,
      user: user && {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        status: user.status,
        statusBeforeDeactivation: user.statusBeforeDeactivation,
        daysLeft: retention && 'deletesAt' in retention ? retention.daysLeft : null,
      },
    };
  };
  return { pending: (await rows(true)).map(toRow), settled: (await rows(false)).map(toRow) };
}

/** How many requests wait on this site (the admin navigation shows it). */
export async function countPendingRequests(db: Database, siteId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reactivationRequests)
    .where(and(eq(reactivationRequests.siteId, siteId), eq(reactivationRequests.state, 'pending')));
  return row?.n ?? 0;
}

export type DecisionResult =
  | { kind: 'approved'; email: string }
  | { kind: 'declined'; email: string }
  | { kind: 'settled' }
  | { kind: 'reason-missing' }
  | { kind: 'refused'; email: string };

/** Locks a pending request of this administrator's site, with its account (undefined when settled, gone, or another site's). */
async function lockPending(tx: Database, siteId: number, requestId: number) {
  const [request] = await tx
    .select()
    .from(reactivationRequests)
    .where(and(eq(reactivationRequests.id, requestId), eq(reactivationRequests.siteId, siteId), eq(reactivationRequests.state, 'pending')))
    .for('update');
  const account = request?.userId ? await findAccountById(tx, request.userId) : undefined;
  return request && account ? { request, account } : undefined;
}

/**
 * Reactivate, from the Requests page: the request is approved and the account returns to its
 * previous status, audited as the users page's Reactivate is, and the person gets the reactivation
 * email in the language they asked in. One transaction; of two administrators clicking at once,
 * one acts and the other is told it was settled.
 */
export async function approveRequest(context: AdminContext, input: { requestId: number; now: Date }): Promise<DecisionResult> {
  const { admin } = context;
  return context.db.transaction(async (tx) => {
    const found = await lockPending(tx, admin.site.id, input.requestId);
    if (!found) return { kind: 'settled' } as const;
    const user = await findUserOnSite(tx, admin.site.id, found.account.id);
    if (!user) return { kind: 'settled' } as const;
    const offer = offerAction(user, 'reactivate', admin.id);
    if (!offer.available) return { kind: 'refused', email: user.email } as const;
    // Approved before the status changes, so the trigger that ends pending requests leaves this one as approved.
    await tx
      .update(reactivationRequests)
      .set({ state: 'approved', decidedAt: input.now, decidedBy: admin.email })
      .where(eq(reactivationRequests.id, found.request.id));
    const change = changeFor(user, 'reactivate', input.now);
    if (change.kind !== 'update') throw new Error('reactivate is an update');
    await updateUserOnSite(tx, admin.site.id, user.id, change.set);
    await recordAudit(
      tx,
      {
        siteId: admin.site.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: 'user.reactivate',
        targetLabel: user.email,
        details: { userId: user.id, requestId: found.request.id, before: { status: user.status }, after: { status: change.set.status } },
      },
      input.now,
    );
    const locale: Locale = isLocale(found.request.locale) ? found.request.locale : 'en';
    const mail = reactivatedEmail(locale, await loadMessages(locale), { siteName: admin.site.name });
    await sendEmail(tx, { to: user.email, kind: 'reactivated', locale, siteId: admin.site.id, ...mail });
    return { kind: 'approved', email: user.email } as const;
  });
}

/** Decline, with the reason the person will read (required, plain text, at most 500 characters). */
export async function declineRequest(context: AdminContext, input: { requestId: number; reason: string; now: Date }): Promise<DecisionResult> {
  const { admin } = context;
  const reason = input.reason.replace(/\s+/g, ' ').trim().slice(0, declineReasonLimit);
  if (!reason) return { kind: 'reason-missing' };
  return context.db.transaction(async (tx) => {
    const found = await lockPending(tx, admin.site.id, input.requestId);
    if (!found) return { kind: 'settled' } as const;
    await tx
      .update(reactivationRequests)
      .set({ state: 'declined', decidedAt: input.now, decidedBy: admin.email, declineReason: reason })
      .where(eq(reactivationRequests.id, found.request.id));
    await recordAudit(
      tx,
      {
        siteId: admin.site.id,
        actorUserId: admin.id,
        actorLabel: admin.email,
        action: 'reactivation.declined',
        targetLabel: found.account.email,
        details: { userId: found.account.id, requestId: found.request.id, reason },
      },
      input.now,
    );
    const locale: Locale = isLocale(found.request.locale) ? found.request.locale : 'en';
    const mail = declinedEmail(locale, await loadMessages(locale), { siteName: admin.site.name, reason });
    await sendEmail(tx, { to: found.account.email, kind: 'reactivation-declined', locale, siteId: admin.site.id, ...mail });
    return { kind: 'declined', email: found.account.email } as const;
  });
}

/**
 * Pending requests nobody answered within `requestLifetimeDays` end (the lifecycle purge calls
 * this), and the person is told, in the language they asked in, with the way to ask again: one
 * transaction, so a request ends and its email is written together, once, on any server.
 */
export async function endExpiredRequests(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(reactivationRequests)
      .set({ state: 'ended', endedReason: 'expired', decidedAt: now })
      .where(and(eq(reactivationRequests.state, 'pending'), lt(reactivationRequests.createdAt, new Date(now.getTime() - requestLifetimeDays * 86_400_000))))
      .returning({ userId: reactivationRequests.userId, locale: reactivationRequests.locale });
    for (const request of ended) {
      const account = request.userId ? await findAccountById(tx, request.userId) : undefined;
      if (!account) continue;
      const locale: Locale = isLocale(request.locale) ? request.locale : 'en';
      const mail = expiredEmail(locale, await loadMessages(locale), {
        siteName: account.site.name,
        days: requestLifetimeDays,
        link: absoluteUrl(paths.signInHelp.start(locale)),
      });
      await sendEmail(tx, { to: account.email, kind: 'reactivation-expired', locale, siteId: account.site.id, ...mail });
    }
    return ended.length;
  });
}

/** Where a request ended up, for the support report: its state, or why it ended. */
type RequestResult = 'pending' | 'approved' | 'declined' | RequestEnd;
export type RequestCounts = { results: Array<{ result: RequestResult; count: number }>; medianDecisionHours: number | null };

/**
 * The support report's figures: the requests made on this site in [since, until), by where they
 * ended, and the median time from asking to an administrator's decision (approved or declined).
 */
export async function countRequests(db: Database, siteId: number, since: Date, until: Date): Promise<RequestCounts> {
  const inRange = and(eq(reactivationRequests.siteId, siteId), gte(reactivationRequests.createdAt, since), lt(reactivationRequests.createdAt, until));
  const rows = await db
    .select({ state: reactivationRequests.state, endedReason: reactivationRequests.endedReason, count: sql<number>`count(*)::int` })
    .from(reactivationRequests)
    .where(inRange)
    .groupBy(reactivationRequests.state, reactivationRequests.endedReason);
  const [median] = await db
    .select({ hours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${reactivationRequests.decidedAt} - ${reactivationRequests.createdAt}) / 3600.0)` })
    .from(reactivationRequests)
    .where(and(inRange, sql`${reactivationRequests.state} in ('approved', 'declined')`));
  const order: RequestResult[] = ['pending', 'approved', 'declined', 'reactivated', 'deleted', 'expired'];
  const totals = new Map<RequestResult, number>();
  for (const row of rows) {
    const result: RequestResult = row.state === 'ended' ? (row.endedReason ?? 'expired') : row.state;
    totals.set(result, (totals.get(result) ?? 0) + row.count);
  }
  const hours = median?.hours == null ? null : Math.round(Number(median.hours));
  return { results: order.flatMap((result) => (totals.has(result) ? [{ result, count: totals.get(result)! }] : [])), medianDecisionHours: hours };
}
