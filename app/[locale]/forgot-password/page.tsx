import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { EmailStep } from '@/components/sign-in-help/email-step';
import { forgotPasswordFlash } from '@/lib/account-recovery/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('metaTitle'), description: t('intro') };
}

export default async function ForgotPassword({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('ForgotPassword');
  const flash = await readFormFlash(forgotPasswordFlash, paths.forgotPassword.form(locale));
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/forgot-password')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <EmailStep locale={locale} action={paths.forgotPassword.submit(locale)} intro={t('intro')} submit={t('submit')} flash={flash} />
      </div>
    </PageShell>
  );
}
