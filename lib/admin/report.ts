import 'server-only';
import { flushFallbackViews } from '@/lib/content/fallback-views-store';
import type { Database } from '@/lib/db/client';
import {
  countFeedback,
  countOutcomes,
  countOutcomesPerDay,
  countSearchMissesPerLocale,
  listFallbackViews,
  listFeedbackComments,
  listSearchMissesBetween,
  type FallbackViewCount,
  type FeedbackComment,
  type FeedbackTotals,
  type OutcomeCount,
  type OutcomeDayCount,
  type SearchMiss,
} from './repository';
import { countRequests, type RequestCounts } from '@/lib/reactivation/service';
import type { ReportRange } from './report-range';

export type SupportReport = {
  range: ReportRange;
  feedback: FeedbackTotals[];
  comments: FeedbackComment[];
  searchMisses: SearchMiss[];
  searchMissesPerLocale: Array<{ locale: string; count: number }>;
  fallbackViews: FallbackViewCount[];
  outcomes: OutcomeCount[];
  outcomesPerDay: OutcomeDayCount[];
  requests: RequestCounts;
};

/**
 * The support report over a range of UTC days: article feedback, searches that
 * found nothing and views of untranslated pages (shared by every site: the
 * articles are), and the sign-in help outcomes for this administrator's own site.
 */
export async function loadSupportReport(db: Database, siteId: number, range: ReportRange): Promise<SupportReport> {
  const { since, until } = range;
  await flushFallbackViews(db);
  const [feedback, comments, searchMisses, searchMissesPerLocale, fallbackViews, outcomes, outcomesPerDay, requests] = await Promise.all([
    countFeedback(db, since, until),
    listFeedbackComments(db, since, until, 200),
    listSearchMissesBetween(db, since, until, 200),
    countSearchMissesPerLocale(db, since, until),
    listFallbackViews(db, range.from, range.to),
    countOutcomes(db, siteId, since, until),
    countOutcomesPerDay(db, siteId, since, until),
    countRequests(db, siteId, since, until),
  ]);
  return { range, feedback, comments, searchMisses, searchMissesPerLocale, fallbackViews, outcomes, outcomesPerDay, requests };
}
