import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, Notice } from '@/components/admin/admin-frame';
import { EmailText } from '@/components/ui/email-text';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import { isUserStatus, userStatuses } from '@/lib/accounts/types';
import { requireAdmin } from '@/lib/admin/auth';
import { countUsers, listUsers, type UserFilter, type UserRow } from '@/lib/accounts/repository';
import { offerStatusActions, pageFrom, usersPageSize, type ActionOffer } from '@/lib/admin/rules';
import { usersFlash, type UsersNotice } from '@/lib/admin/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { parseLocaleParam } from '@/lib/i18n/params';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.users' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The filter from the query string: a known status, a search of at most 100 characters. Anything else is ignored. */
function filterFrom(query: Record<string, string | string[] | undefined>): UserFilter & { page?: string } {
  const status = first(query.status);
  const text = first(query.q)?.trim().toLowerCase().slice(0, 100);
  return {
    status: isUserStatus(status) ? status : undefined,
    query: text || undefined,
    page: first(query.page),
  };
}

function queryString(filter: UserFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.query) params.set('q', filter.query);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export default async function AdminUsers({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const { db, admin } = context;
  const filter = filterFrom(await searchParams);
  const total = await countUsers(db, admin.site.id, filter);
  const { page, pages, offset } = pageFrom(filter.page, total);
  const rows = await listUsers(db, admin.site.id, filter, { offset, limit: usersPageSize });
  const here = paths.admin.users(locale, queryString(filter, page));
  const flash = await readFormFlash(usersFlash, paths.admin.users(locale));
  const now = new Date();

  return (
    <AdminFrame locale={locale} context={context} section="users" title={t('users.title')} path={`/admin/users${queryString(filter, page)}`}>
      <p className="mt-2 text-muted">{t('users.intro', { site: admin.site.name })}</p>
      <FlashNotice locale={locale} data={flash?.data} />

      <form method="get" action={paths.admin.users(locale)} className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label={t('users.filterLegend')}>
        <div>
          <label htmlFor="status" className="block text-sm font-semibold">
            {t('users.statusFilter')}
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ''} className="mt-1 rounded border border-line bg-paper px-3 py-2">
            <option value="">{t('users.allStatuses')}</option>
            {userStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">
            {t('users.search')}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.query ?? ''} maxLength={100} dir="ltr" className="mt-1 rounded border border-line px-3 py-2" />
        </div>
        <button type="submit" className="btn-primary">
          {t('users.apply')}
        </button>
        {(filter.status || filter.query) && <a href={paths.admin.users(locale)}>{t('users.clear')}</a>}
      </form>

      <p className="mt-6 font-semibold" aria-live="polite">
        {t('users.count', { count: total })}
      </p>
      {rows.length > 0 && (
        <div className="mt-3 md:overflow-x-auto">
          {/* On a phone each user is a card: the rows stack, the column headings are left to screen readers. */}
          <table role="table" className="w-full border-collapse text-start max-md:block md:min-w-[48rem]">
            <caption className="sr-only">{t('users.title')}</caption>
            <thead role="rowgroup" className="max-md:sr-only">
              <tr role="row" className="border-b-2 border-line text-start text-sm">
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.email')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.status')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.licenses')}
                </th>
                <th scope="col" role="columnheader" className="py-2 text-start">
                  {t('users.actions')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-md:block">
              {rows.map((user) => (
                <UserRowView key={user.id} locale={locale} user={user} actorId={admin.id} csrf={context.csrfToken} back={here} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label={t('users.pagination')} className="mt-6 flex items-center gap-4">
          {page > 1 && <a href={paths.admin.users(locale, queryString(filter, page - 1))}>{t('users.previous')}</a>}
          <span aria-current="page">{t('users.page', { page, pages })}</span>
          {page < pages && <a href={paths.admin.users(locale, queryString(filter, page + 1))}>{t('users.next')}</a>}
        </nav>
      )}
    </AdminFrame>
  );
}

async function FlashNotice({ locale, data }: { locale: Locale; data?: UsersNotice }) {
  if (!data) return null;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  switch (data.notice) {
    case 'done':
      return <Notice tone="ok">{t(`done.${data.action}`, { email: data.email })}</Notice>;
    case 'not-found':
      return <Notice tone="problem">{t('done.notFound')}</Notice>;
    case 'refused':
      return <Notice tone="problem">{t('done.refused', { reason: t(`reasons.${data.reason}`) })}</Notice>;
  }
}

async function UserRowView({ locale, user, actorId, csrf, back, now }: { locale: Locale; user: UserRow; actorId: number; csrf: string; back: string; now: Date }) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const state = deriveAccountState(user, now);
  const retention = state.retention;
  const offers = offerStatusActions(user, actorId);
  const reasonId = `reason-${user.id}`;
  const blocked = offers.find((offer): offer is Extract<ActionOffer, { available: false }> => !offer.available);
  return (
    <tr role="row" className="border-b border-line align-top max-md:block max-md:py-3">
      <th scope="row" role="rowheader" className="py-3 pe-4 text-start font-normal max-md:block max-md:py-1">
        <EmailText email={user.email} className="block font-semibold" />
        {user.displayName && <span className="block text-sm text-muted">{user.displayName}</span>}
        <span className="mt-1 flex flex-wrap gap-1 text-xs">
          {user.isSiteAdmin && <span className="rounded bg-brand-wash px-2 py-0.5 text-brand-strong">{t('users.siteAdmin')}</span>}
          {user.isDirectorySynced && <span className="rounded bg-warn-wash px-2 py-0.5 text-warn">{t('users.directory')}</span>}
          {user.id === actorId && <span className="rounded bg-wash px-2 py-0.5">{t('users.you')}</span>}
        </span>
      </th>
      <td role="cell" className="py-3 pe-4 max-md:block max-md:py-1">
        <span className="font-semibold">{t(`status.${user.status}`)}</span>
        {retention && (
          <span className="block text-sm text-muted">
            {retention.policy === 'disabled-in-directory'
              ? t('users.keptDisabled')
              : retention.daysLeft === 0
                ? t('users.deletesToday')
                : t('users.deletesIn', { days: retention.daysLeft })}
          </span>
        )}
      </td>
      <td role="cell" className="py-3 pe-4 max-md:block max-md:py-1">
        {user.licenses.length === 0 ? (
          <span className="text-muted">{t('users.noLicenses')}</span>
        ) : (
          <ul className="space-y-1">
            {user.licenses.map((license) => (
              <li key={license} className="flex items-center gap-2">
                <span>{license}</span>
                <form method="post" action={paths.admin.userAction(locale, user.id)}>
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="action" value="remove-license" />
                  <input type="hidden" name="license" value={license} />
                  <input type="hidden" name="back" value={back} />
                  <button type="submit" aria-label={t('users.removeLicense', { license, email: user.email })} className="text-sm text-danger underline">
                    {t('users.removeLicenseShort')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td role="cell" className="py-3 max-md:block max-md:py-1">
        <div className="flex flex-wrap gap-2">
          {offers.map((offer) => {
            const label = t(`actions.${offer.action}`);
            const name = t('actions.labelFor', { action: label, email: user.email });
            if (!offer.available) {
              return (
                <button key={offer.action} type="button" disabled aria-label={name} aria-describedby={reasonId} className="cursor-not-allowed rounded border border-line px-3 py-1 text-sm text-muted">
                  {label}
                </button>
              );
            }
            if (offer.action === 'delete') {
              return (
                <a key={offer.action} href={paths.admin.confirmDelete(locale, user.id, back)} aria-label={name} className="rounded border border-danger px-3 py-1 text-sm text-danger no-underline hover:bg-danger-wash">
                  {label}
                </a>
              );
            }
            return (
              <form key={offer.action} method="post" action={paths.admin.userAction(locale, user.id)}>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="action" value={offer.action} />
                <input type="hidden" name="back" value={back} />
                <button type="submit" aria-label={name} className="rounded border border-brand px-3 py-1 text-sm text-brand-strong hover:bg-brand-wash">
                  {label}
                </button>
              </form>
            );
          })}
        </div>
        {blocked && (
          <p id={reasonId} className="mt-1 max-w-xs text-sm text-muted">
            {t(`reasons.${blocked.reason}`)}
          </p>
        )}
      </td>
    </tr>
  );
}
