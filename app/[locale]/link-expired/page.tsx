import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('linkExpiredTitle'), robots: { index: false } };
}

/** An expired, used or altered email link. The proxy answers this page with 410 Gone. */
export default async function LinkExpired({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('ForgotPassword');
  const ts = await getTranslations('SignInHelp');
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/link-expired')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('linkExpiredTitle')}</h1>
        <p className="mt-4 text-lg">{t('linkExpiredBody')}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <a href={paths.forgotPassword.form(locale)} className="btn-primary inline-block">
            {t('title')}
          </a>
          <a href={paths.signInHelp.start(locale)} className="btn-primary inline-block">
            {ts('title')}
          </a>
        </div>
      </div>
    </PageShell>
  );
}
