import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp.reference' });
  return { title: t('notFoundTitle'), robots: { index: false } };
}

/** An unknown or expired reference code. The proxy answers this page with 404. */
export default async function ResultExpired({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('SignInHelp');
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/sign-in-help/expired')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('reference.notFoundTitle')}</h1>
      <p className="mt-3 max-w-2xl text-lg">{t('reference.notFound')}</p>
      <a href={paths.signInHelp.start(locale)} className="btn-primary mt-6 inline-block">
        {t('startOver')}
      </a>
    </PageShell>
  );
}
