import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { ConfirmForm } from '@/components/admin/confirm-form';
import { findUserOnSite } from '@/lib/accounts/repository';
import { requireAdmin } from '@/lib/admin/auth';
import { returnTo } from '@/lib/admin/forms';
import { offerAction } from '@/lib/admin/rules';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Query = { action?: string | string[]; license?: string | string[]; back?: string | string[] };
type Props = { params: Promise<{ locale: string; userId: string }>; searchParams: Promise<Query> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.users' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** Deactivating a user or removing a license, asked once more with an optional reason (works without JavaScript). */
export default async function ConfirmAction({ params, searchParams }: Props) {
  const { locale: localeParam, userId } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const query = await searchParams;
  const action = first(query.action) === 'remove-license' ? 'remove-license' : 'deactivate';
  const license = action === 'remove-license' ? first(query.license)?.slice(0, 100) : undefined;
  const user = /^\d{1,9}$/.test(userId) ? await findUserOnSite(context.db, context.admin.site.id, Number(userId)) : undefined;
  if (!user || !offerAction(user, action, context.admin.id, license).available) redirect(paths.admin.users(locale));
  const { path: backPath, search: backSearch } = returnTo(locale, first(query.back));
  const back = backPath + backSearch;
  const title = action === 'deactivate' ? t('confirm.deactivateTitle', { email: user.email }) : t('confirm.removeLicenseTitle', { email: user.email, license: license ?? '' });

  return (
    <AdminFrame locale={locale} context={context} section="users" title={title} path={`/admin/users/${user.id}/confirm`}>
      <p className="mt-4 max-w-2xl text-lg">{action === 'deactivate' ? t('confirm.deactivateBody') : t('confirm.removeLicenseBody')}</p>
      <ConfirmForm
        locale={locale}
        action={paths.admin.userAction(locale, user.id)}
        hidden={{ csrf: context.csrfToken, action, back, ...(license ? { license } : {}) }}
        confirmLabel={action === 'deactivate' ? t('confirm.deactivate') : t('confirm.removeLicense')}
        back={back}
      />
    </AdminFrame>
  );
}
