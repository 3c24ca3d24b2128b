import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { requireAdmin } from '@/lib/admin/auth';
import { findUserOnSite } from '@/lib/accounts/repository';
import { offerAction } from '@/lib/admin/rules';
import { parseLocaleParam } from '@/lib/i18n/params';
import { returnTo } from '@/lib/admin/forms';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; userId: string }>; searchParams: Promise<{ back?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.users' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** Deleting cannot be undone, so it is asked once more, on a page of its own (works without JavaScript). */
export default async function ConfirmDelete({ params, searchParams }: Props) {
  const { locale: localeParam, userId } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const user = /^\d{1,9}$/.test(userId) ? await findUserOnSite(context.db, context.admin.site.id, Number(userId)) : undefined;
  if (!user || !offerAction(user, 'delete', context.admin.id).available) redirect(paths.admin.users(locale));
  const rawBack = (await searchParams).back;
  const { path: backPath, search: backSearch } = returnTo(locale, typeof rawBack === 'string' ? rawBack : undefined);
  const back = backPath + backSearch;

  return (
    <AdminFrame locale={locale} context={context} section="users" title={t('delete.title', { email: user.email })} path={`/admin/users/${user.id}/delete`}>
      <p className="mt-4 max-w-2xl text-lg">{t('delete.body')}</p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <form method="post" action={paths.admin.userAction(locale, user.id)}>
          <input type="hidden" name="csrf" value={context.csrfToken} />
          <input type="hidden" name="action" value="delete" />
          <input type="hidden" name="confirm" value="yes" />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="rounded bg-danger px-4 py-2 font-semibold text-on-danger hover:opacity-90">
            {t('delete.confirm')}
          </button>
        </form>
        <a href={back}>{t('delete.cancel')}</a>
      </div>
    </AdminFrame>
  );
}
