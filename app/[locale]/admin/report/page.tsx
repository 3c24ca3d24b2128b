import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminFrame } from '@/components/admin/admin-frame';
import { BarChart, ColumnChart, type ChartRow } from '@/components/admin/charts';
import { requireAdmin } from '@/lib/admin/auth';
import { loadSupportReport } from '@/lib/admin/report';
import { daysIn, reportRangeFrom } from '@/lib/admin/report-range';
import { getArticle } from '@/lib/content';
import { isLocale, localeNames, type Locale } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { isOutcomeId } from '@/lib/sign-in-help/types';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.report' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

function Table({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="mt-2 text-muted">{empty}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-start">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-line text-sm">
            {headers.map((header, index) => (
              <th key={header} scope="col" className={`py-2 pe-4 ${index === 0 ? 'text-start' : 'text-start'}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className="border-b border-line align-top">
              {row.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row" className="py-2 pe-4 text-start font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={column} className="py-2 pe-4">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What support teams need to see: feedback, failed searches, untranslated pages read, sign-in help outcomes. */
export default async function AdminReport({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin.report');
  const ts = await getTranslations('SignInHelp');
  const format = await getFormatter();
  const languageName = (code: string) => (isLocale(code) ? localeNames[code as Locale] : code);
  const query = await searchParams;
  const range = reportRangeFrom({ from: first(query.from), to: first(query.to), days: first(query.days) }, new Date());
  const report = await loadSupportReport(context.db, context.admin.site.id, range);
  const outcomeTitle = (outcome: string) => (isOutcomeId(outcome) ? ts(signInHelpFlow.outcomes[outcome].title) : outcome);
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { month: 'short', day: 'numeric', timeZone: 'UTC' });

  const outcomeSeries = report.outcomes.map((row) => ({ key: row.outcome, label: outcomeTitle(row.outcome) }));
  const perDay = new Map<string, Record<string, number>>();
  for (const row of report.outcomesPerDay) perDay.set(row.day, { ...perDay.get(row.day), [row.outcome]: row.count });
  const days = daysIn(range);
  const outcomeRows: ChartRow[] = days.map((day) => ({ key: day, label: format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }), values: perDay.get(day) ?? {} }));
  const missRows: ChartRow[] = report.searchMissesPerLocale.map((row) => ({ key: row.locale, label: languageName(row.locale), values: { count: row.count } }));
  const perArticle = new Map<string, { yes: number; no: number }>();
  for (const row of report.feedback) {
    const sum = perArticle.get(row.articleId) ?? { yes: 0, no: 0 };
    perArticle.set(row.articleId, { yes: sum.yes + row.helpful, no: sum.no + row.notHelpful });
  }
  const feedbackRows: ChartRow[] = [...perArticle].map(([id, values]) => ({ key: id, label: `${id} ${getArticle(id, locale)?.entry.title ?? ''}`.trim(), shortLabel: id, values }));
  const sum = (rows: ChartRow[]) => rows.reduce((all, row) => all + Object.values(row.values).reduce((a, b) => a + b, 0), 0);
  const articleName = (id: string) => (
    <>
      <span className="font-mono text-sm">{id}</span> {getArticle(id, locale)?.entry.title}
    </>
  );
  return (
    <AdminFrame locale={locale} context={context} section="report" title={t('title')} path={`/admin/report?from=${range.from}&to=${range.to}`}>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <form method="get" action={paths.admin.report(locale)} className="flex flex-wrap items-end gap-3" aria-describedby="range-note">
          <div>
            <label htmlFor="from" className="block font-semibold">
              {t('from')}
            </label>
            <input id="from" name="from" type="date" defaultValue={range.from} className="mt-1 rounded border border-line px-3 py-2" />
          </div>
          <div>
            <label htmlFor="to" className="block font-semibold">
              {t('to')}
            </label>
            <input id="to" name="to" type="date" defaultValue={range.to} className="mt-1 rounded border border-line px-3 py-2" />
          </div>
          <button type="submit" className="btn-primary">
            {t('show')}
          </button>
        </form>
        <a href={paths.admin.reportExport(locale, { from: range.from, to: range.to })} download>
          {t('export')}
        </a>
      </div>
      <p id="range-note" className="mt-2 text-sm text-muted">
        {t('rangeShown', { from: range.from, to: range.to })} · {t('rangeNote')}
      </p>
      <p className="mt-1 flex flex-wrap gap-3 text-sm">
        {[7, 30, 90].map((period) => (
          <a key={period} href={`${paths.admin.report(locale)}?days=${period}`}>
            {t('days', { days: period })}
          </a>
        ))}
      </p>

      <section aria-labelledby="feedback" className="mt-10">
        <h2 id="feedback" className="text-xl font-semibold">
          {t('feedback')}
        </h2>
        {feedbackRows.length > 0 && (
          <BarChart
            locale={locale}
            id="feedback-chart"
            title={t('feedbackPerArticle')}
            summary={t('chartTotal', { count: sum(feedbackRows) })}
            series={[
              { key: 'yes', label: t('yes') },
              { key: 'no', label: t('no') },
            ]}
            rows={feedbackRows}
            labelHeader={t('article')}
          />
        )}
        <Table
          caption={t('feedback')}
          headers={[t('article'), t('language'), t('yes'), t('no'), t('comments')]}
          rows={report.feedback.map((row) => [articleName(row.articleId), languageName(row.locale), row.helpful, row.notHelpful, row.comments])}
          empty={t('none')}
        />
        {report.comments.length > 0 && (
          <>
            <h3 className="mt-6 text-lg font-semibold">{t('comments')}</h3>
            <Table
              caption={t('comments')}
              headers={[t('article'), t('language'), t('feedback'), t('comment')]}
              rows={report.comments.map((row) => [articleName(row.articleId), languageName(row.locale), row.helpful ? t('yes') : t('no'), <q key="c">{row.comment}</q>])}
              empty={t('none')}
            />
          </>
        )}
      </section>

      <section aria-labelledby="searches" className="mt-10">
        <h2 id="searches" className="text-xl font-semibold">
          {t('searches')}
        </h2>
        <p className="text-sm text-muted">{t('privacyNote')}</p>
        {missRows.length > 0 && (
          <BarChart
            locale={locale}
            id="misses-chart"
            title={t('missesPerLocale')}
            summary={t('chartTotal', { count: sum(missRows) })}
            series={[{ key: 'count', label: t('times') }]}
            rows={missRows}
            labelHeader={t('language')}
          />
        )}
        <Table
          caption={t('searches')}
          headers={[t('query'), t('language'), t('times'), t('lastSeen')]}
          rows={report.searchMisses.map((row) => [
            <bdi key="q">{row.query}</bdi>,
            languageName(row.locale),
            row.count,
            format.dateTime(row.lastSeenAt, { dateStyle: 'medium', timeZone: 'UTC' }),
          ])}
          empty={t('none')}
        />
      </section>

      <section aria-labelledby="fallbacks" className="mt-10">
        <h2 id="fallbacks" className="text-xl font-semibold">
          {t('fallbacks')}
        </h2>
        <Table
          caption={t('fallbacks')}
          headers={[t('article'), t('language'), t('views')]}
          rows={report.fallbackViews.map((row) => [articleName(row.articleId), languageName(row.locale), row.count])}
          empty={t('none')}
        />
      </section>

      <section aria-labelledby="outcomes" className="mt-10">
        <h2 id="outcomes" className="text-xl font-semibold">
          {t('outcomes')}
        </h2>
        {outcomeSeries.length > 0 && (
          <ColumnChart
            locale={locale}
            id="outcomes-chart"
            title={t('outcomesPerDay')}
            summary={t('chartTotal', { count: sum(outcomeRows) })}
            series={outcomeSeries}
            rows={outcomeRows}
            labelHeader={t('day')}
            axisLabels={days.map(dayLabel)}
          />
        )}
        <Table
          caption={t('outcomes')}
          headers={[t('outcome'), t('count')]}
          rows={report.outcomes.map((row) => [outcomeTitle(row.outcome), row.count])}
          empty={t('none')}
        />
      </section>

      <section aria-labelledby="requests" className="mt-10">
        <h2 id="requests" className="text-xl font-semibold">
          {t('requests')}
        </h2>
        <Table
          caption={t('requests')}
          headers={[t('requestResult'), t('count')]}
          rows={report.requests.results.map((row) => [t(`requestRows.${row.result}`), row.count])}
          empty={t('none')}
        />
        {report.requests.medianDecisionHours !== null && <p className="mt-2">{t('requestsMedian', { hours: report.requests.medianDecisionHours })}</p>}
      </section>
    </AdminFrame>
  );
}
