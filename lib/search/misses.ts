import 'server-only';
import { desc, gte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { withDatabase } from '@/lib/server/database';
import { searchMisses } from '@/lib/db/schema';
import { toRecordedQuery } from '@/lib/privacy/redact';
import { consume } from '@/lib/rate-limit/limiter';

/**
 * Searches that found nothing, for the support team's report: what people
 * looked for that no article answers. Only the redacted query, its locale, a
 * count and when it was last seen; nothing about who searched.
 */
export async function recordSearchMiss(db: Database, miss: { query: string; locale: string }, now: Date): Promise<boolean> {
  const query = toRecordedQuery(miss.query, miss.locale);
  if (!query) return false;
  await db
    .insert(searchMisses)
    .values({ locale: miss.locale, query, count: 1, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [searchMisses.locale, searchMisses.query],
      set: { count: sql`${searchMisses.count} + 1`, lastSeenAt: now },
    });
  return true;
}

export type SearchMiss = { locale: string; query: string; count: number; lastSeenAt: Date };

/** The most frequent misses seen since `since`, most frequent first. */
export async function listSearchMisses(db: Database, options: { since: Date; limit: number }): Promise<SearchMiss[]> {
  return db
    .select({ locale: searchMisses.locale, query: searchMisses.query, count: searchMisses.count, lastSeenAt: searchMisses.lastSeenAt })
    .from(searchMisses)
    .where(gte(searchMisses.lastSeenAt, options.since))
    .orderBy(desc(searchMisses.count), desc(searchMisses.lastSeenAt))
    .limit(options.limit);
}

/**
 * Records a miss from the search page, after the response is sent. A client
 * over its limit is simply not recorded (so nobody can flood the report), and a
 * database fault is logged, never shown: the searcher already has their page.
 */
export async function noteSearchMiss(miss: { query: string; locale: string; clientIp: string }, now: Date): Promise<void> {
  await withDatabase('search.miss', async (db) => {
    if (!(await consume('searchMiss', { clientIp: miss.clientIp })).ok) return;
    await recordSearchMiss(db, miss, now);
  });
}
