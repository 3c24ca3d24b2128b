import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.unavailable' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** The database is down: say so (the proxy answers 503), change nothing. */
export default async function AdminUnavailable({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('Admin');
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/admin/unavailable')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('unavailable.title')}</h1>
        <p className="mt-4 text-lg">{t('unavailable.body')}</p>
        <a href={paths.admin.home(locale)} className="btn-primary mt-6 inline-block">
          {t('title')}
        </a>
      </div>
    </PageShell>
  );
}
