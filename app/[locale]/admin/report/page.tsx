import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminFrame } from '@/components/admin/admin-frame';
import { requireAdmin } from '@/lib/admin/auth';
import { loadSupportReport, periodFrom, reportPeriods } from '@/lib/admin/report';
import { getArticle } from '@/lib/content';
import { isLocale, localeNames, type Locale } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { isOutcomeId } from '@/lib/sign-in-help/types';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ days?: string | string[] }> };

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
  const days = periodFrom((await searchParams).days);
  const report = await loadSupportReport(context.db, context.admin.site.id, days, new Date());
  const articleName = (id: string) => (
    <>
      <span className="font-mono text-sm">{id}</span> {getArticle(id, locale)?.entry.title}
    </>
  );
  const languageName = (code: string) => (isLocale(code) ? localeNames[code as Locale] : code);

  return (
    <AdminFrame locale={locale} context={context} section="report" title={t('title')} path={`/admin/report?days=${days}`}>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <div className="mt-4 flex flex-wrap items-end gap-4">
        <form method="get" action={paths.admin.report(locale)} className="flex items-end gap-3">
          <div>
            <label htmlFor="days" className="block font-semibold">
              {t('period')}
            </label>
            <select id="days" name="days" defaultValue={String(days)} className="mt-1 rounded border border-line bg-paper px-3 py-2">
              {reportPeriods.map((period) => (
                <option key={period} value={period}>
                  {t('days', { days: period })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary">
            {t('show')}
          </button>
        </form>
        <a href={paths.admin.reportExport(locale, days)} download>
          {t('export')}
        </a>
      </div>

      <section aria-labelledby="feedback" className="mt-10">
        <h2 id="feedback" className="text-xl font-semibold">
          {t('feedback')}
        </h2>
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
        <Table
          caption={t('outcomes')}
          headers={[t('outcome'), t('count')]}
          rows={report.outcomes.map((row) => [
            isOutcomeId(row.outcome) ? ts(signInHelpFlow.outcomes[row.outcome].title) : row.outcome,
            row.count,
          ])}
          empty={t('none')}
        />
      </section>
    </AdminFrame>
  );
}
