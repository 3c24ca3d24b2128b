import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { checkConfirmationLink } from '@/lib/reactivation/confirmation';
import { confirmFlash } from '@/lib/reactivation/forms';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Reactivation' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * The link from the confirmation email. Filing the request takes a button press (a POST): mail
 * scanners open links on their own, and that must not send anything to the administrators.
 */
export default async function ReactivationRequest({ params }: Props) {
  const { locale: localeParam, token } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const t = await getTranslations('Reactivation');
  const tf = await getTranslations('Forms');
  const flash = (await readFormFlash(confirmFlash, paths.reactivation.page(locale, token)))?.data;
  let siteName: string | undefined;
  if (flash?.result === undefined) {
    const open = await withDatabase('reactivation.check', (db) => checkConfirmationLink(db, token, new Date()));
    if (open.kind === 'invalid') redirect(paths.linkExpired(locale));
    if (open.kind === 'unavailable') redirect(paths.signInHelp.unavailable(locale));
    siteName = open.siteName;
  }
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/sign-in-help')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('metaTitle')}</h1>
        {flash?.result ? (
          <>
            <p role="status" className="mt-4 rounded border-s-4 border-ok bg-ok-wash px-4 py-3 text-lg">
              {flash.result === 'filed' ? t('filed') : t('alreadyPending')}
            </p>
            <p className="mt-8">
              <a href={paths.home(locale)}>{t('home')}</a>
            </p>
          </>
        ) : (
          <>
            {flash?.minutes !== undefined && (
              <p role="alert" className="mt-4 rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
                {tf('rateLimited', { minutes: flash.minutes })}
              </p>
            )}
            <p className="mt-4 text-lg">{t('intro', { site: siteName ?? '' })}</p>
            <form method="post" action={paths.reactivation.confirm(locale, token)}>
              <button type="submit" className="btn-primary mt-6 text-lg">
                {t('button')}
              </button>
            </form>
          </>
        )}
      </div>
    </PageShell>
  );
}
