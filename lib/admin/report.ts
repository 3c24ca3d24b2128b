import 'server-only';
import { flushFallbackViews } from '@/lib/content/fallback-views-store';
import type { Database } from '@/lib/db/client';
import { feedbackTotals, type FeedbackTotals } from '@/lib/feedback/repository';
import { listSearchMisses, type SearchMiss } from '@/lib/search/misses';
import { countOutcomes, listFallbackViews, listFeedbackComments, type FallbackViewCount, type FeedbackComment, type OutcomeCount } from './repository';

/** The periods the support report offers, in days. */
export const reportPeriods = [7, 30, 90] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export function periodFrom(raw: unknown): ReportPeriod {
  const days = Number(Array.isArray(raw) ? raw[0] : raw);
  return (reportPeriods as readonly number[]).includes(days) ? (days as ReportPeriod) : 30;
}

export type SupportReport = {
  days: ReportPeriod;
  feedback: FeedbackTotals[];
  comments: FeedbackComment[];
  searchMisses: SearchMiss[];
  fallbackViews: FallbackViewCount[];
  outcomes: OutcomeCount[];
};

/**
 * The support report: article feedback, searches that found nothing and views
 * of untranslated pages (shared by every site: the articles are), and the
 * sign-in help outcomes for this administrator's own site.
 */
export async function loadSupportReport(db: Database, siteId: number, days: ReportPeriod, now: Date): Promise<SupportReport> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  await flushFallbackViews(db);
  const [feedback, comments, searchMisses, fallbackViews, outcomes] = await Promise.all([
    feedbackTotals(db, since),
    listFeedbackComments(db, since, 200),
    listSearchMisses(db, { since, limit: 200 }),
    listFallbackViews(db, since.toISOString().slice(0, 10)),
    countOutcomes(db, siteId, since),
  ]);
  return { days, feedback, comments, searchMisses, fallbackViews, outcomes };
}
