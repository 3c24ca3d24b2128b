import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { EmailText } from '@/components/ui/email-text';
import { auditActionFilters, auditFilterFrom, auditFilterQuery } from '@/lib/admin/audit-filter';
import { auditEventKey, describeAuditChange } from '@/lib/admin/audit-view';
import { requireAdmin } from '@/lib/admin/auth';
import { countAudit, listAudit, listAuditActors } from '@/lib/admin/repository';
import { pageFrom } from '@/lib/admin/rules';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageSize = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.audit' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function AdminAudit({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const eventLabel = (action: string) => {
    const key = auditEventKey(action);
    return key ? t(`audit.events.${key}`) : action;
  };
  const format = await getFormatter();
  const filter = auditFilterFrom(await searchParams);
  const siteId = context.admin.site.id;
  const [total, actors] = await Promise.all([countAudit(context.db, siteId, filter), listAuditActors(context.db, siteId)]);
  const { page, pages, offset } = pageFrom(filter.page, total, pageSize);
  const entries = await listAudit(context.db, siteId, filter, { offset, limit: pageSize });
  const isFiltered = auditFilterQuery(filter) !== '';
  const cell = 'py-2 pe-4 max-md:block max-md:py-0.5';

  return (
    <AdminFrame locale={locale} context={context} section="audit" title={t('audit.title')} path={`/admin/audit${auditFilterQuery(filter, page)}`}>
      <p className="mt-2 max-w-3xl text-muted">{t('audit.intro')}</p>
      <p className="mt-2 max-w-3xl text-sm text-muted">{t('audit.timeZone')}</p>

      <form method="get" action={paths.admin.audit(locale)} role="search" aria-label={t('audit.filterLegend')} className="mt-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="actor" className="block text-sm font-semibold">
            {t('audit.whoFilter')}
          </label>
          <select id="actor" name="actor" defaultValue={filter.actor === undefined ? '' : String(filter.actor)} className="mt-1 max-w-[16rem] rounded border border-line bg-paper px-3 py-2">
            <option value="">{t('audit.anyone')}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={String(actor.id)}>
                {actor.label}
              </option>
            ))}
            <option value="system">{t('audit.lifecycle')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-semibold">
            {t('audit.whatFilter')}
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ''} className="mt-1 max-w-[16rem] rounded border border-line bg-paper px-3 py-2">
            <option value="">{t('audit.anything')}</option>
            {auditActionFilters.map((action) => (
              <option key={action} value={action}>
                {action === 'changes' ? t('audit.changes') : eventLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-semibold">
            {t('audit.from')}
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} className="mt-1 rounded border border-line px-3 py-2" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-semibold">
            {t('audit.to')}
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} className="mt-1 rounded border border-line px-3 py-2" />
        </div>
        <button type="submit" className="btn-primary">
          {t('users.apply')}
        </button>
        {isFiltered && <a href={paths.admin.audit(locale)}>{t('users.clear')}</a>}
      </form>

      <div className="mt-6 flex flex-wrap items-center gap-4">
        <p className="font-semibold" aria-live="polite">
          {t('audit.count', { count: total })}
        </p>
        {total > 0 && (
          <a href={paths.admin.auditExport(locale, auditFilterQuery(filter))} download>
            {t('audit.export')}
          </a>
        )}
      </div>

      {entries.length === 0 ? (
        <p className="mt-6 text-muted">{isFiltered ? t('audit.noMatch') : t('audit.empty')}</p>
      ) : (
        <div className="mt-3 md:overflow-x-auto">
          {/* On a phone each entry is a card: the rows stack, the column headings are left to screen readers and short labels. */}
          <table role="table" className="w-full border-collapse text-start max-md:block md:min-w-[40rem]">
            <caption className="sr-only">{t('audit.title')}</caption>
            <thead role="rowgroup" className="max-md:sr-only">
              <tr role="row" className="border-b-2 border-line text-sm">
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('audit.whenUtc')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('audit.who')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('audit.what')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('audit.target')}
                </th>
                <th scope="col" role="columnheader" className="py-2 text-start">
                  {t('audit.details')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-md:block">
              {entries.map((entry) => {
                const reason = typeof entry.details.reason === 'string' ? entry.details.reason : undefined;
                const change = describeAuditChange(entry.details);
                return (
                  <tr key={entry.id} role="row" className="border-b border-line align-top max-md:block max-md:py-3">
                    <td role="cell" className={`${cell} whitespace-nowrap max-md:text-sm max-md:text-muted`}>
                      <time dateTime={entry.createdAt.toISOString()}>
                        {format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                      </time>
                    </td>
                    <td role="cell" className={cell}>
                      <span className="md:sr-only">{t('audit.who')}: </span>
                      {entry.actorLabel === 'lifecycle' && entry.action === 'user.purged' ? t('audit.lifecycle') : <EmailText email={entry.actorLabel} />}
                    </td>
                    <th scope="row" role="rowheader" className={`${cell} text-start font-semibold`}>
                      {eventLabel(entry.action)}
                    </th>
                    <td role="cell" className={cell}>
                      {entry.targetLabel && (
                        <>
                          <span className="md:sr-only">{t('audit.target')}: </span>
                          <EmailText email={entry.targetLabel} />
                        </>
                      )}
                    </td>
                    <td role="cell" className={`${cell} text-sm`}>
                      {change && (
                        <span dir="ltr" className="block [overflow-wrap:anywhere]">
                          {change}
                        </span>
                      )}
                      {reason && <span className="block">{t.rich('audit.reason', { reason, bdi: (chunks) => <bdi>{chunks}</bdi> })}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('audit.pagination')} className="mt-6 flex items-center gap-4">
          {page > 1 && <a href={paths.admin.audit(locale, auditFilterQuery(filter, page - 1))}>{t('users.previous')}</a>}
          <span aria-current="page">{t('users.page', { page, pages })}</span>
          {page < pages && <a href={paths.admin.audit(locale, auditFilterQuery(filter, page + 1))}>{t('users.next')}</a>}
        </nav>
      )}
    </AdminFrame>
  );
}
