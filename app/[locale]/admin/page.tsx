import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/admin/auth';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin' });
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

/** Site administration starts at the users list (or at sign-in). */
export default async function AdminHome({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  await requireAdmin(locale);
  redirect(paths.admin.users(locale));
}
