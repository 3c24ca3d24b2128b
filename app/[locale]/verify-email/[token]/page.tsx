import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { verifyEmailFlash } from '@/lib/account-recovery/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { checkVerificationToken } from '@/lib/account-recovery/service';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Verify' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * The link from the verification email. Verifying takes a button press (a POST):
 * mail scanners open links on their own, and that must not verify anything.
 */
export default async function VerifyEmail({ params }: Props) {
  const { locale: localeParam, token } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const t = await getTranslations('Verify');
  const result = (await readFormFlash(verifyEmailFlash, paths.verifyEmail.page(locale, token)))?.data?.result;
  if (result === undefined) {
    const open = await withDatabase('verify-email.check', (db) => checkVerificationToken(db, token, new Date()));
    if (open === false) redirect(paths.linkExpired(locale));
    if (open !== true) redirect(paths.signInHelp.unavailable(locale));
  }
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/sign-in-help')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('metaTitle')}</h1>
        {result ? (
          <p role="status" className="mt-4 rounded border-s-4 border-ok bg-ok-wash px-4 py-3 text-lg">
            {result === 'verified' ? t('done') : t('already')}
          </p>
        ) : (
          <form method="post" action={paths.verifyEmail.confirm(locale, token)}>
            <button type="submit" className="btn-primary mt-6 text-lg">
              {t('metaTitle')}
            </button>
          </form>
        )}
      </div>
    </PageShell>
  );
}
