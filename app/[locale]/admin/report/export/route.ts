import { NextResponse } from 'next/server';
import { currentAdmin, internalHeader } from '@/lib/admin/auth';
import { toCsv } from '@/lib/admin/csv';
import { loadSupportReport } from '@/lib/admin/report';
import { reportRangeFrom } from '@/lib/admin/report-range';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/**
 * The support report as one CSV file: a row per figure, its section first, so a
 * spreadsheet can filter by section. Reading it needs a current session (GET
 * changes nothing, so it needs no anti-forgery token).
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const context = request.headers.has(internalHeader) ? undefined : await currentAdmin();
  if (!context) return NextResponse.redirect(new URL(paths.admin.signIn(locale), request.url), 303);

  const now = new Date();
  const query = new URL(request.url).searchParams;
  const range = reportRangeFrom({ from: query.get('from') ?? undefined, to: query.get('to') ?? undefined, days: query.get('days') ?? undefined }, now);
  const report = await loadSupportReport(context.db, context.admin.site.id, range);
  const rows: Array<Array<string | number | null>> = [['section', 'article', 'locale', 'outcome', 'query', 'helpful_yes', 'helpful_no', 'comments', 'count', 'comment', 'date']];
  for (const row of report.feedback) rows.push(['feedback', row.articleId, row.locale, null, null, row.helpful, row.notHelpful, row.comments, null, null, null]);
  for (const row of report.comments) rows.push(['comment', row.articleId, row.locale, null, null, row.helpful ? 1 : 0, row.helpful ? 0 : 1, null, null, row.comment, row.updatedAt.toISOString()]);
  for (const row of report.searchMisses) rows.push(['search_without_results', null, row.locale, null, row.query, null, null, null, row.count, null, row.lastSeenAt.toISOString()]);
  for (const row of report.fallbackViews) rows.push(['untranslated_page_views', row.articleId, row.locale, null, null, null, null, null, row.count, null, null]);
  for (const row of report.outcomes) rows.push(['sign_in_help_outcome', null, null, row.outcome, null, null, null, null, row.count, null, null]);
  for (const row of report.outcomesPerDay) rows.push(['sign_in_help_outcome_per_day', null, null, row.outcome, null, null, null, null, row.count, null, row.day]);
  for (const row of report.requests.results) rows.push(['reactivation_requests', null, null, row.result, null, null, null, null, row.count, null, null]);
  if (report.requests.medianDecisionHours !== null) rows.push(['reactivation_median_decision_hours', null, null, null, null, null, null, null, report.requests.medianDecisionHours, null, null]);

  // The name says the range: its last day and its length (the default, the last 30 days, ends "-30d").
  const filename = `signpost-report-${context.admin.site.slug}-${range.to}-${range.days}d.csv`;
  // A byte-order mark, so spreadsheet programs read the file as UTF-8 (Czech, Japanese, Arabic).
  return new NextResponse(`\uFEFF${toCsv(rows)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
