import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { requireAdmin } from '@/lib/admin/auth';
import { countAudit, listAudit, type AuditEntry } from '@/lib/admin/repository';
import { pageFrom } from '@/lib/admin/rules';
import type { Messages } from '@/lib/i18n/messages';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

const pageSize = 50;
/** Audit actions and their message keys (message keys cannot contain the dots the actions have). */
/** The audit actions and their message keys under Admin.audit.events (typed, so a missing key fails the type check). */
const eventKeys: Partial<Record<string, keyof Messages['Admin']['audit']['events']>> = {
  'sign-in': 'signIn',
  'site.contact-details': 'contactDetails',
  'user.resend-invitation': 'resendInvitation',
  'user.reactivate': 'reactivate',
  'user.deactivate': 'deactivate',
  'user.delete': 'delete',
  'user.remove-license': 'removeLicense',
  'user.assign-license': 'assignLicense',
  'user.undo': 'undo',
  'user.purged': 'purged',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.audit' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** The before/after of an entry, briefly: what changed. */
function describeChange(entry: AuditEntry): string {
  const { before, after, license } = entry.details as { before?: Record<string, unknown>; after?: Record<string, unknown> | null; license?: string };
  if (license) return license;
  if (!before || !after) return '';
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${JSON.stringify(before[key] ?? null)} → ${JSON.stringify(after[key] ?? null)}`)
    .join('; ');
}

export default async function AdminAudit({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const eventKey = (action: string) => {
    const key = eventKeys[action];
    return key && t(`audit.events.${key}`);
  };
  const format = await getFormatter();
  const total = await countAudit(context.db, context.admin.site.id);
  const raw = (await searchParams).page;
  const { page, pages, offset } = pageFrom(Array.isArray(raw) ? raw[0] : raw, total, pageSize);
  const entries = await listAudit(context.db, context.admin.site.id, { offset, limit: pageSize });

  return (
    <AdminFrame locale={locale} context={context} section="audit" title={t('audit.title')} path="/admin/audit">
      <p className="mt-2 max-w-3xl text-muted">{t('audit.intro')}</p>
      {entries.length === 0 ? (
        <p className="mt-6 text-muted">{t('audit.empty')}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-start">
            <caption className="sr-only">{t('audit.title')}</caption>
            <thead>
              <tr className="border-b-2 border-line text-sm">
                <th scope="col" className="py-2 pe-4 text-start">{t('audit.when')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('audit.who')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('audit.what')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('audit.target')}</th>
                <th scope="col" className="py-2 text-start">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-line align-top">
                  <td className="py-2 pe-4 whitespace-nowrap">{format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</td>
                  <td className="py-2 pe-4 break-all" dir="ltr">
                    {entry.actorLabel === 'lifecycle' && entry.action === 'user.purged' ? t('audit.lifecycle') : entry.actorLabel}
                  </td>
                  <th scope="row" className="py-2 pe-4 text-start font-semibold">
                    {eventKey(entry.action) ?? entry.action}
                  </th>
                  <td className="py-2 pe-4 break-all" dir="ltr">
                    {entry.targetLabel}
                  </td>
                  <td className="py-2 text-sm break-all">
                    <span dir="ltr">{describeChange(entry)}</span>
                    {typeof entry.details.reason === 'string' && (
                      <span className="block">{t.rich('audit.reason', { reason: entry.details.reason as string, bdi: (chunks) => <bdi>{chunks}</bdi> })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('audit.title')} className="mt-6 flex items-center gap-4">
          {page > 1 && <a href={paths.admin.audit(locale, page - 1)}>{t('users.previous')}</a>}
          <span aria-current="page">{t('users.page', { page, pages })}</span>
          {page < pages && <a href={paths.admin.audit(locale, page + 1)}>{t('users.next')}</a>}
        </nav>
      )}
    </AdminFrame>
  );
}
