import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { ConfirmForm } from '@/components/admin/confirm-form';
import { EmailText } from '@/components/ui/email-text';
import { findUserOnSite } from '@/lib/accounts/repository';
import { requireAdmin } from '@/lib/admin/auth';
import { bulkUserField, returnSearch } from '@/lib/admin/forms';
import { bulkLimit } from '@/lib/admin/rules';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.bulk' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** Deactivating the users selected in the list, asked once more: which of this site's users, and an optional reason. */
export default async function ConfirmBulk({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const query = await searchParams;
  const raw = query.user === undefined ? [] : Array.isArray(query.user) ? query.user : [query.user];
  const ids = [...new Set(raw.filter((id) => /^\d{1,9}$/.test(id)).map(Number))].slice(0, bulkLimit);
  const users = (await Promise.all(ids.map((id) => findUserOnSite(context.db, context.admin.site.id, id)))).filter((user) => user !== undefined);
  const back = paths.admin.users(locale, returnSearch(locale, typeof query.back === 'string' ? query.back : undefined));
  if (users.length === 0) redirect(back);

  return (
    <AdminFrame locale={locale} context={context} section="users" title={t('bulk.title')} path="/admin/users/bulk-confirm">
      <p className="mt-4 max-w-2xl text-lg">{t('bulk.body')}</p>
      <p className="mt-4 font-semibold">{t('bulk.selected', { count: users.length })}</p>
      <ul className="mt-2 list-disc ps-6">
        {users.map((user) => (
          <li key={user.id}>
            <EmailText email={user.email} />
          </li>
        ))}
      </ul>
      <ConfirmForm
        locale={locale}
        action={paths.admin.usersBulk(locale)}
        hidden={{ csrf: context.csrfToken, action: 'deactivate', back, ...Object.fromEntries(users.map((user) => [bulkUserField(user.id), 'on'])) }}
        confirmLabel={t('bulk.confirm')}
        back={back}
      />
    </AdminFrame>
  );
}
