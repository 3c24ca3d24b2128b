import { usersWithPendingRequests } from '@/lib/reactivation/confirmation';
import { UserActionControls } from '@/components/admin/user-action-controls';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { UsersFlashNotice } from '@/components/admin/users-notice';
import { EmailText } from '@/components/ui/email-text';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import { userStatuses } from '@/lib/accounts/types';
import { requireAdmin } from '@/lib/admin/auth';
import { countUsers, listUsers, type UserRow } from '@/lib/accounts/repository';
import { assignableLicenses, offerStatusActions, pageFrom, usersPageSize } from '@/lib/admin/rules';
import { bulkUserField, userFilterFrom as filterFrom, userFilterQuery as queryString, usersFlash } from '@/lib/admin/forms';
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
  const asking = await usersWithPendingRequests(db, admin.site.id, rows.map((row) => row.id));
  const here = paths.admin.users(locale, queryString(filter, page));
  const flash = await readFormFlash(usersFlash, paths.admin.users(locale));
  const now = new Date();

  return (
    <AdminFrame locale={locale} context={context} section="users" title={t('users.title')} path={`/admin/users${queryString(filter, page)}`}>
      <p className="mt-2 text-muted">{t('users.intro', { site: admin.site.name })}</p>
      <UsersFlashNotice locale={locale} data={flash?.data} csrf={context.csrfToken} back={here} actorId={admin.id} />
      <p className="mt-4">
        <a href={paths.admin.usersExport(locale, queryString(filter))} download>
          {t('users.export')}
        </a>
      </p>

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
        <form id="bulk" method="post" action={paths.admin.usersBulk(locale)} className="mt-3 flex flex-wrap items-end gap-3 rounded border border-line p-3">
          <input type="hidden" name="csrf" value={context.csrfToken} />
          <input type="hidden" name="back" value={here} />
          <fieldset className="flex flex-wrap items-end gap-3">
            <legend className="text-sm font-semibold">{t('users.bulkLegend')}</legend>
            <div>
              <label htmlFor="bulk-action" className="block text-sm">
                {t('users.bulkAction')}
              </label>
              <select id="bulk-action" name="action" className="mt-1 rounded border border-line bg-paper px-3 py-2">
                <option value="resend-invitation">{t('actions.resend-invitation')}</option>
                <option value="deactivate">{t('actions.deactivate')}</option>
              </select>
            </div>
            <button type="submit" className="rounded border border-brand px-3 py-2 text-brand-strong hover:bg-brand-wash">
              {t('users.bulkApply')}
            </button>
          </fieldset>
        </form>
      )}
      {rows.length > 0 && (
        <div className="mt-3 md:overflow-x-auto">
          {/* On a phone each user is a card: the rows stack, the column headings are left to screen readers. */}
          <table role="table" className="w-full border-collapse text-start max-md:block md:min-w-[60rem]">
            <caption className="sr-only">{t('users.title')}</caption>
            <thead role="rowgroup" className="max-md:sr-only">
              <tr role="row" className="border-b-2 border-line text-start text-sm">
                <th scope="col" role="columnheader" className="py-2 pe-2 text-start">
                  {t('users.selectColumn')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.email')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.status')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.lastSignIn')}
                </th>
                <th scope="col" role="columnheader" className="py-2 pe-4 text-start">
                  {t('users.deactivatedOn')}
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
                <UserRowView key={user.id} locale={locale} user={user} actorId={admin.id} csrf={context.csrfToken} back={here} now={now} asking={asking.has(user.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {rows.length > 0 && <p className="mt-2 text-sm text-muted">{t('users.dateNote')}</p>}
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

async function UserRowView({
  locale,
  user,
  actorId,
  csrf,
  back,
  now,
  asking,
}: {
  locale: Locale;
  user: UserRow;
  actorId: number;
  csrf: string;
  back: string;
  now: Date;
  /** A reactivation request of this account is waiting on the Requests page. */
  asking: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const format = await getFormatter({ locale });
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: 'medium', timeZone: 'UTC' }) : undefined);
  const assignable = assignableLicenses(user);
  const state = deriveAccountState(user, now);
  const retention = state.retention;
  const offers = offerStatusActions(user, actorId);
  const reasonId = `reason-${user.id}`;
  return (
    <tr role="row" className="border-b border-line align-top max-md:block max-md:py-3">
      <td role="cell" className="py-3 pe-2 max-md:block max-md:py-1">
        <input type="checkbox" form="bulk" name={bulkUserField(user.id)} id={`select-${user.id}`} aria-label={t('users.select', { email: user.email })} className="size-5" />
      </td>
      <th scope="row" role="rowheader" className="py-3 pe-4 text-start font-normal max-md:block max-md:py-1">
        <EmailText email={user.email} className="block font-semibold" />
        {user.displayName && <span className="block text-sm text-muted">{user.displayName}</span>}
        <span className="mt-1 flex flex-wrap gap-1 text-xs">
          {user.isSiteAdmin && <span className="rounded bg-brand-wash px-2 py-0.5 text-brand-strong">{t('users.siteAdmin')}</span>}
          {asking && (
            <a href={paths.admin.requests(locale)} className="rounded bg-brand-wash px-2 py-0.5 text-brand-strong">
              {t('users.requestPending')}
            </a>
          )}
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
      <td role="cell" className="py-3 pe-4 text-sm max-md:block max-md:py-1">
        <span className="md:sr-only">{t('users.lastSignIn')}: </span>
        {date(user.lastSignInAt) ?? <span className="text-muted">{t('users.never')}</span>}
      </td>
      <td role="cell" className="py-3 pe-4 text-sm max-md:block max-md:py-1">
        {user.deactivatedAt && (
          <>
            <span className="md:sr-only">{t('users.deactivatedOn')}: </span>
            {date(user.deactivatedAt)}
          </>
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
        {assignable.length > 0 && (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-strong">{t('users.assignShort')}</summary>
            <form method="post" action={paths.admin.userAction(locale, user.id)} className="mt-2 flex flex-wrap items-end gap-2">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="action" value="assign-license" />
              <input type="hidden" name="back" value={back} />
              <select name="license" aria-label={t('users.assignLabel', { email: user.email })} className="rounded border border-line bg-paper px-2 py-1">
                {assignable.map((license) => (
                  <option key={license} value={license}>
                    {license}
                  </option>
                ))}
              </select>
              <button type="submit" className="rounded border border-brand px-2 py-1 text-brand-strong hover:bg-brand-wash">
                {t('users.assign')}
              </button>
            </form>
          </details>
        )}
      </td>
      <td role="cell" className="py-3 max-md:block max-md:py-1">
        <UserActionControls locale={locale} user={user} offers={offers} csrf={csrf} back={back} reasonId={reasonId} reasonClassName="mt-1 max-w-xs text-sm text-muted" />
      </td>
    </tr>
  );
}
