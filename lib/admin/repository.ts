import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, isNotNull, sql, type SQL } from 'drizzle-orm';
import { findSite, type SiteRecord } from '@/lib/accounts/repository';
import type { UserStatus } from '@/lib/accounts/types';
import type { Database } from '@/lib/db/client';
import { adminSessions, articleFeedback, auditEvents, diagnoses, fallbackViews, sites, users } from '@/lib/db/schema';
import type { ContactInput, ManagedUser } from './rules';

/**
 * Every query site administration makes. Each one that reads or changes a
 * site's data takes the administrator's site id and filters by it, so an id
 * posted from another site's page finds nothing.
 */

export type AdminRecord = { id: number; email: string; displayName: string | null; site: SiteRecord };

/** Site administrator accounts that may sign in with this address (any site), with their password hashes. */
export async function findSignInCandidates(db: Database, email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status, siteSlug: sites.slug })
    .from(users)
    .innerJoin(sites, eq(users.siteId, sites.id))
    .where(and(eq(users.email, email), eq(users.isSiteAdmin, true)))
    .orderBy(asc(sites.slug));
}

/** The administrator behind a session, while the account may still administer its site. */
export async function findActiveAdmin(db: Database, userId: number): Promise<AdminRecord | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, status: users.status, isSiteAdmin: users.isSiteAdmin, siteId: users.siteId })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || !row.isSiteAdmin || row.status === 'inactive' || row.status === 'unverified') return undefined;
  const site = await findSite(db, { id: row.siteId });
  return site ? { id: row.id, email: row.email, displayName: row.displayName, site } : undefined;
}

export async function recordSignIn(db: Database, userId: number, now: Date): Promise<void> {
  // Signing in is what makes a verified account active (FACTS.md, article B).
  await db
    .update(users)
    .set({ lastSignInAt: now, status: sql`case when ${users.status} = 'verified' then 'active'::user_status else ${users.status} end` })
    .where(eq(users.id, userId));
}

export type UserRow = ManagedUser & {
  email: string;
  displayName: string | null;
  deactivatedAt: Date | null;
  isSiteAdmin: boolean;
  lastSignInAt: Date | null;
};

export type UserFilter = { status?: UserStatus; query?: string };

function userConditions(siteId: number, filter: UserFilter): SQL {
  const conditions = [eq(users.siteId, siteId)];
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.query) conditions.push(ilike(users.email, `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return and(...conditions)!;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  status: users.status,
  statusBeforeDeactivation: users.statusBeforeDeactivation,
  deactivatedAt: users.deactivatedAt,
  isSiteAdmin: users.isSiteAdmin,
  isDirectorySynced: users.isDirectorySynced,
  directoryState: users.directoryState,
  licenses: users.licenses,
  lastSignInAt: users.lastSignInAt,
};

export async function countUsers(db: Database, siteId: number, filter: UserFilter): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users).where(userConditions(siteId, filter));
  return row?.value ?? 0;
}

export async function listUsers(db: Database, siteId: number, filter: UserFilter, page: { offset: number; limit: number }): Promise<UserRow[]> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(userConditions(siteId, filter))
    .orderBy(asc(users.email))
    .offset(page.offset)
    .limit(page.limit);
  return rows;
}

export async function findUserOnSite(db: Database, siteId: number, userId: number): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
  return row;
}

export async function updateUserOnSite(
  db: Database,
  siteId: number,
  userId: number,
  set: Partial<Pick<UserRow, 'status' | 'statusBeforeDeactivation' | 'licenses' | 'deactivatedAt'>>,
): Promise<void> {
  await db.update(users).set(set).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
  // A deactivated administrator is signed out everywhere at once.
  if (set.status === 'inactive') await db.delete(adminSessions).where(eq(adminSessions.userId, userId));
}

export async function deleteUserOnSite(db: Database, siteId: number, userId: number): Promise<void> {
  await db.delete(users).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
}

export async function saveContactDetails(db: Database, siteId: number, contact: ContactInput, privacyMode: boolean, now: Date): Promise<void> {
  const orNull = (value: string) => (value === '' ? null : value);
  await db
    .update(sites)
    .set({
      contactName: orNull(contact.name),
      contactEmail: orNull(contact.email),
      contactPhone: orNull(contact.phone),
      contactMessage: orNull(contact.message),
      privacyMode,
      contactUpdatedAt: now,
    })
    .where(eq(sites.id, siteId));
}

export type AuditEntry = {
  id: number;
  actorLabel: string;
  action: string;
  targetLabel: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

export async function recordAudit(
  db: Database,
  entry: { siteId: number | null; actorUserId: number | null; actorLabel: string; action: string; targetLabel?: string | null; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await db.insert(auditEvents).values({ ...entry, targetLabel: entry.targetLabel ?? null, details: entry.details ?? {}, createdAt: now });
}

export async function countAudit(db: Database, siteId: number): Promise<number> {
  const [row] = await db.select({ value: count() }).from(auditEvents).where(eq(auditEvents.siteId, siteId));
  return row?.value ?? 0;
}

export async function listAudit(db: Database, siteId: number, page: { offset: number; limit: number }): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.siteId, siteId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
}

export type OutcomeCount = { outcome: string; count: number };

/** Sign-in help outcomes for accounts on this site since `since`. */
export async function countOutcomes(db: Database, siteId: number, since: Date): Promise<OutcomeCount[]> {
  return db
    .select({ outcome: diagnoses.outcome, count: sql<number>`count(*)::int` })
    .from(diagnoses)
    .where(and(eq(diagnoses.siteId, siteId), gte(diagnoses.createdAt, since)))
    .groupBy(diagnoses.outcome)
    .orderBy(desc(sql`count(*)`));
}

export type FeedbackComment = { articleId: string; locale: string; helpful: boolean; comment: string; updatedAt: Date };

export async function listFeedbackComments(db: Database, since: Date, limit: number): Promise<FeedbackComment[]> {
  const rows = await db
    .select({
      articleId: articleFeedback.articleId,
      locale: articleFeedback.locale,
      helpful: articleFeedback.helpful,
      comment: articleFeedback.comment,
      updatedAt: articleFeedback.updatedAt,
    })
    .from(articleFeedback)
    .where(and(isNotNull(articleFeedback.comment), gte(articleFeedback.updatedAt, since)))
    .orderBy(desc(articleFeedback.updatedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, comment: row.comment ?? '' }));
}

export type FallbackViewCount = { locale: string; articleId: string; count: number };

export async function listFallbackViews(db: Database, sinceDay: string): Promise<FallbackViewCount[]> {
  return db
    .select({ locale: fallbackViews.locale, articleId: fallbackViews.articleId, count: sql<number>`sum(${fallbackViews.count})::int` })
    .from(fallbackViews)
    .where(gte(fallbackViews.day, sinceDay))
    .groupBy(fallbackViews.locale, fallbackViews.articleId)
    .orderBy(desc(sql`sum(${fallbackViews.count})`));
}
