import 'server-only';
import { and, count, desc, eq, gt, gte, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { articleFeedback, auditEvents, diagnoses, fallbackViews, searchMisses, sites } from '@/lib/db/schema';
import { toDiagnosis, type Diagnosis } from '@/lib/sign-in-help/repository';
import { auditRange, type AuditFilter } from './audit-filter';
import type { ContactInput } from './rules';

/**
 * Every query site administration makes. Each one that reads or changes a
 * site's data takes the administrator's site id and filters by it, so an id
 * posted from another site's page finds nothing. (The queries on users, which
 * site administration shares with sign-in help, are in lib/accounts/repository.ts,
 * scoped the same way.) Feedback, search misses and untranslated page views are
 * about the articles, which every site shares.
 */

/**
 * A reference code a user quoted, if the diagnosis is this site's or is about an
 * address with no account (which says nothing about anyone); another site's code
 * finds nothing.
 */
export async function getDiagnosis(db: Database, siteId: number, code: string, now: Date): Promise<Diagnosis | undefined> {
  const [row] = await db
    .select()
    .from(diagnoses)
    .where(and(eq(diagnoses.code, code), gt(diagnoses.expiresAt, now), or(eq(diagnoses.siteId, siteId), isNull(diagnoses.siteId))));
  return row ? toDiagnosis(row) : undefined;
}

export async function saveContactDetails(
  db: Database,
  siteId: number,
  contact: ContactInput & { messageLocale: string | null; messages: Partial<Record<string, string>> },
  privacyMode: boolean,
  now: Date,
): Promise<void> {
  const orNull = (value: string) => (value === '' ? null : value);
  await db
    .update(sites)
    .set({
      contactName: orNull(contact.name),
      contactEmail: orNull(contact.email),
      contactPhone: orNull(contact.phone),
      contactMessage: orNull(contact.message),
      contactMessageLocale: contact.messageLocale,
      contactMessages: contact.messages,
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
): Promise<number> {
  const [row] = await db
    .insert(auditEvents)
    .values({ ...entry, targetLabel: entry.targetLabel ?? null, details: entry.details ?? {}, createdAt: now })
    .returning({ id: auditEvents.id });
  return row!.id;
}

/** One audit entry of this site, with its actor, for an undo. */
export async function findAuditEntry(
  db: Database,
  siteId: number,
  id: number,
  options: { lock?: boolean } = {},
): Promise<(AuditEntry & { actorUserId: number | null }) | undefined> {
  const query = db.select().from(auditEvents).where(and(eq(auditEvents.siteId, siteId), eq(auditEvents.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? { ...row, details: row.details as Record<string, unknown> } : undefined;
}

/** Whether an entry has been undone already (its undo is audited with `undoes`). */
export async function isUndone(db: Database, siteId: number, id: number): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.siteId, siteId), eq(auditEvents.action, 'user.undo'), sql`(${auditEvents.details}->>'undoes')::int = ${id}`));
  return (row?.value ?? 0) > 0;
}

function auditConditions(siteId: number, filter: AuditFilter): SQL | undefined {
  const { since, until } = auditRange(filter);
  return and(
    eq(auditEvents.siteId, siteId),
    filter.actor === 'system' ? isNull(auditEvents.actorUserId) : filter.actor !== undefined ? eq(auditEvents.actorUserId, filter.actor) : undefined,
    filter.action === 'changes' ? ne(auditEvents.action, 'sign-in') : filter.action ? eq(auditEvents.action, filter.action) : undefined,
    since ? gte(auditEvents.createdAt, since) : undefined,
    until ? lt(auditEvents.createdAt, until) : undefined,
  );
}

export async function countAudit(db: Database, siteId: number, filter: AuditFilter = {}): Promise<number> {
  const [row] = await db.select({ value: count() }).from(auditEvents).where(auditConditions(siteId, filter));
  return row?.value ?? 0;
}

export async function listAudit(db: Database, siteId: number, filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(auditConditions(siteId, filter))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
}

/** The administrators who appear in this site's audit log, for the filter: their id (what the URL carries) and latest label. */
export async function listAuditActors(db: Database, siteId: number): Promise<Array<{ id: number; label: string }>> {
  const rows = await db
    .select({ id: auditEvents.actorUserId, label: sql<string>`max(${auditEvents.actorLabel})` })
    .from(auditEvents)
    .where(and(eq(auditEvents.siteId, siteId), isNotNull(auditEvents.actorUserId)))
    .groupBy(auditEvents.actorUserId)
    .orderBy(sql`max(${auditEvents.actorLabel})`);
  return rows.flatMap((row) => (row.id === null ? [] : [{ id: row.id, label: row.label }]));
}

export type OutcomeCount = { outcome: string; count: number };

/** Sign-in help outcomes for accounts on this site in [since, until). */
export async function countOutcomes(db: Database, siteId: number, since: Date, until: Date): Promise<OutcomeCount[]> {
  return db
    .select({ outcome: diagnoses.outcome, count: sql<number>`count(*)::int` })
    .from(diagnoses)
    .where(and(eq(diagnoses.siteId, siteId), gte(diagnoses.createdAt, since), lt(diagnoses.createdAt, until)))
    .groupBy(diagnoses.outcome)
    .orderBy(desc(sql`count(*)`));
}

export type OutcomeDayCount = { day: string; outcome: string; count: number };

/** The same outcomes per UTC day, for the chart. */
export async function countOutcomesPerDay(db: Database, siteId: number, since: Date, until: Date): Promise<OutcomeDayCount[]> {
  const day = sql<string>`to_char(${diagnoses.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({ day, outcome: diagnoses.outcome, count: sql<number>`count(*)::int` })
    .from(diagnoses)
    .where(and(eq(diagnoses.siteId, siteId), gte(diagnoses.createdAt, since), lt(diagnoses.createdAt, until)))
    .groupBy(day, diagnoses.outcome)
    .orderBy(day, diagnoses.outcome);
}

export type FeedbackTotals = { articleId: string; locale: string; helpful: number; notHelpful: number; comments: number };

/** "Was this article helpful?" per article and language, for votes last changed in [since, until). */
export async function countFeedback(db: Database, since: Date, until: Date): Promise<FeedbackTotals[]> {
  return db
    .select({
      articleId: articleFeedback.articleId,
      locale: articleFeedback.locale,
      helpful: sql<number>`count(*) filter (where ${articleFeedback.helpful})::int`,
      notHelpful: sql<number>`count(*) filter (where not ${articleFeedback.helpful})::int`,
      comments: sql<number>`count(${articleFeedback.comment})::int`,
    })
    .from(articleFeedback)
    .where(and(gte(articleFeedback.updatedAt, since), lt(articleFeedback.updatedAt, until)))
    .groupBy(articleFeedback.articleId, articleFeedback.locale)
    .orderBy(articleFeedback.articleId, articleFeedback.locale);
}

export type SearchMiss = { locale: string; query: string; count: number; lastSeenAt: Date };

/** The most frequent searches without results last seen in [since, until). */
export async function listSearchMissesBetween(db: Database, since: Date, until: Date, limit: number): Promise<SearchMiss[]> {
  return db
    .select({ locale: searchMisses.locale, query: searchMisses.query, count: searchMisses.count, lastSeenAt: searchMisses.lastSeenAt })
    .from(searchMisses)
    .where(and(gte(searchMisses.lastSeenAt, since), lt(searchMisses.lastSeenAt, until)))
    .orderBy(desc(searchMisses.count), desc(searchMisses.lastSeenAt))
    .limit(limit);
}

/** Searches without results per locale (all of them, not only the listed ones). */
export async function countSearchMissesPerLocale(db: Database, since: Date, until: Date): Promise<Array<{ locale: string; count: number }>> {
  return db
    .select({ locale: searchMisses.locale, count: sql<number>`sum(${searchMisses.count})::int` })
    .from(searchMisses)
    .where(and(gte(searchMisses.lastSeenAt, since), lt(searchMisses.lastSeenAt, until)))
    .groupBy(searchMisses.locale)
    .orderBy(searchMisses.locale);
}

export type FeedbackComment = { articleId: string; locale: string; helpful: boolean; comment: string; updatedAt: Date };

export async function listFeedbackComments(db: Database, since: Date, until: Date, limit: number): Promise<FeedbackComment[]> {
  const rows = await db
    .select({
      articleId: articleFeedback.articleId,
      locale: articleFeedback.locale,
      helpful: articleFeedback.helpful,
      comment: articleFeedback.comment,
      updatedAt: articleFeedback.updatedAt,
    })
    .from(articleFeedback)
    .where(and(isNotNull(articleFeedback.comment), gte(articleFeedback.updatedAt, since), lt(articleFeedback.updatedAt, until)))
    .orderBy(desc(articleFeedback.updatedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, comment: row.comment ?? '' }));
}

export type FallbackViewCount = { locale: string; articleId: string; count: number };

/** Untranslated page views on the UTC days from `fromDay` to `toDay`, inclusive. */
export async function listFallbackViews(db: Database, fromDay: string, toDay: string): Promise<FallbackViewCount[]> {
  return db
    .select({ locale: fallbackViews.locale, articleId: fallbackViews.articleId, count: sql<number>`sum(${fallbackViews.count})::int` })
    .from(fallbackViews)
    .where(and(gte(fallbackViews.day, fromDay), lte(fallbackViews.day, toDay)))
    .groupBy(fallbackViews.locale, fallbackViews.articleId)
    .orderBy(desc(sql`sum(${fallbackViews.count})`));
}
