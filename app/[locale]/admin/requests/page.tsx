import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, Notice } from '@/components/admin/admin-frame';
import { EmailText } from '@/components/ui/email-text';
import { requireAdmin } from '@/lib/admin/auth';
import { readFormFlash } from '@/lib/http/form-route';
import { localeNames, type Locale } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';
import { requestsFlash, type RequestsNotice } from '@/lib/reactivation/forms';
import { listRequests, type RequestRow } from '@/lib/reactivation/service';
import { declineReasonLimit, requestLifetimeDays } from '@/lib/reactivation/types';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.requests' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Reactivation requests on this administrator's site: the pending ones, oldest first, each with
 * Reactivate (one click) and Decline (with the reason the person reads); then the latest settled.
 */
export default async function AdminRequests({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin.requests');
  const format = await getFormatter();
  const now = new Date();
  const flash = await readFormFlash(requestsFlash, paths.admin.requests(locale));
  const { pending, settled } = await listRequests(context.db, context.admin.site.id, now);
  const when = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

  return (
    <AdminFrame locale={locale} context={context} section="requests" title={t('title')} path="/admin/requests">
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      {flash?.data && <RequestsNoticeView locale={locale} data={flash.data} />}

      <h2 className="mt-8 text-2xl font-semibold">{t('pendingTitle')}</h2>
      {pending.length === 0 ? (
        <p role="status" className="mt-3 text-muted">
          {t('empty')}
        </p>
      ) : (
        <ul className="mt-4 space-y-4">
          {pending.map((request) => (
            <li key={request.id}>
              <PendingRequest locale={locale} request={request} csrf={context.csrfToken} asked={when(request.createdAt)} />
            </li>
          ))}
        </ul>
      )}

      {settled.length > 0 && (
        <>
          <h2 className="mt-10 text-2xl font-semibold">{t('settledTitle')}</h2>
          <div className="mt-4 overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-start">
              <caption className="sr-only">{t('settledTitle')}</caption>
              <thead>
                <tr className="border-b-2 border-line text-sm">
                  <th scope="col" className="py-2 pe-4 text-start">{t('account')}</th>
                  <th scope="col" className="py-2 pe-4 text-start">{t('asked')}</th>
                  <th scope="col" className="py-2 pe-4 text-start">{t('settledWhen')}</th>
                  <th scope="col" className="py-2 text-start">{t('decision')}</th>
                </tr>
              </thead>
              <tbody>
                {settled.map((request) => (
                  <tr key={request.id} className="border-b border-line align-top">
                    <th scope="row" className="py-2 pe-4 text-start font-normal">
                      {request.user ? <EmailText email={request.user.email} /> : <span className="text-muted">{t('deletedAccount')}</span>}
                    </th>
                    <td className="py-2 pe-4 whitespace-nowrap">{when(request.createdAt)}</td>
                    <td className="py-2 pe-4 whitespace-nowrap">{request.decidedAt ? when(request.decidedAt) : ''}</td>
                    <td className="py-2">
                      <SettledState locale={locale} request={request} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminFrame>
  );
}

async function PendingRequest({ locale, request, csrf, asked }: { locale: Locale; request: RequestRow; csrf: string; asked: string }) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const user = request.user;
  if (!user) return null;
  const headingId = `request-${request.id}`;
  const reasonId = `decline-reason-${request.id}`;
  const daysLeft = user.daysLeft;
  return (
    <article aria-labelledby={headingId} className="rounded border border-line p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        <EmailText email={user.email} />
      </h3>
      {user.displayName && <p className="text-sm text-muted">{user.displayName}</p>}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{t('requests.asked')}</dt>
        <dd>{asked}</dd>
        <dt className="text-muted">{t('users.status')}</dt>
        <dd>{t(`status.${user.status}`)}</dd>
        <dt className="text-muted">{t('requests.returnsTo')}</dt>
        <dd>{t(`status.${user.statusBeforeDeactivation ?? 'verified'}`)}</dd>
        {daysLeft !== null && (
          <>
            <dt className="text-muted">{t('requests.deletion')}</dt>
            <dd className={daysLeft <= 3 ? 'font-semibold text-danger' : undefined}>{t('requests.days', { days: daysLeft })}</dd>
          </>
        )}
        <dt className="text-muted">{t('requests.language')}</dt>
        <dd>{(localeNames as Record<string, string>)[request.locale] ?? request.locale}</dd>
        {request.referenceCode && (
          <>
            <dt className="text-muted">{t('requests.code')}</dt>
            <dd className="font-mono" dir="ltr">
              {request.referenceCode}
            </dd>
          </>
        )}
      </dl>
      <div className="mt-4 flex flex-wrap items-start gap-3">
        <form method="post" action={paths.admin.decideRequest(locale, request.id)}>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="decision" value="approve" />
          <button type="submit" className="btn-primary" aria-describedby={headingId}>
            {t('requests.reactivate')}
          </button>
        </form>
        <details className="min-w-64 flex-1">
          <summary className="cursor-pointer rounded border border-line px-4 py-2 hover:bg-wash">{t('requests.declineWithReason')}</summary>
          <form method="post" action={paths.admin.decideRequest(locale, request.id)} className="mt-3 space-y-2">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="decision" value="decline" />
            <label htmlFor={reasonId} className="block text-sm font-semibold">
              {t('requests.reason', { max: declineReasonLimit })}
            </label>
            <textarea id={reasonId} name="reason" required maxLength={declineReasonLimit} rows={3} className="w-full rounded border border-line bg-paper px-3 py-2" />
            <button type="submit" className="rounded border border-danger px-4 py-2 text-danger hover:bg-danger-wash" aria-describedby={headingId}>
              {t('requests.decline')}
            </button>
          </form>
        </details>
      </div>
    </article>
  );
}

async function SettledState({ locale, request }: { locale: Locale; request: RequestRow }) {
  const t = await getTranslations({ locale, namespace: 'Admin.requests.states' });
  switch (request.state) {
    case 'approved':
      return <>{t('approved', { who: request.decidedBy ?? '' })}</>;
    case 'declined':
      return <bdi>{t('declined', { who: request.decidedBy ?? '', reason: request.declineReason ?? '' })}</bdi>;
    default:
      return <>{request.endedReason === 'expired' ? t('expired', { days: requestLifetimeDays }) : t(request.endedReason === 'deleted' ? 'deleted' : 'reactivated')}</>;
  }
}

async function RequestsNoticeView({ locale, data }: { locale: Locale; data: RequestsNotice }) {
  const t = await getTranslations({ locale, namespace: 'Admin.requests.notices' });
  switch (data.notice) {
    case 'approved':
      return <Notice tone="ok">{t('approved', { email: data.email })}</Notice>;
    case 'declined':
      return <Notice tone="ok">{t('declined', { email: data.email })}</Notice>;
    case 'refused':
      return <Notice tone="problem">{t('refused', { email: data.email })}</Notice>;
    case 'settled':
      return <Notice tone="problem">{t('settled')}</Notice>;
    case 'reason-missing':
      return <Notice tone="problem">{t('reasonMissing')}</Notice>;
  }
}
