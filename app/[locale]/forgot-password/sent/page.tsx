import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { ContactCard } from '@/components/sign-in-help/contact-card';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { findSite } from '@/lib/accounts/repository';
import { forgotPasswordSentFlash } from '@/lib/account-recovery/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { isUnavailable, withDatabase } from '@/lib/server/database';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('metaTitle'), robots: { index: false } };
}

async function loadSite(siteId: number) {
  const found = await withDatabase('forgot-password.site', (db) => findSite(db, { id: siteId }));
  return isUnavailable(found) ? undefined : found;
}

/**
 * After the form: the neutral message for everyone, or, for a deactivated
 * account, whom to contact (the same content sign-in help shows for it).
 */
export default async function ForgotPasswordSent({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('ForgotPassword');
  const ts = await getTranslations('SupportContact');
  const tc = await getTranslations('SignInHelp.card');
  const view = (await readFormFlash(forgotPasswordSentFlash, paths.forgotPassword.sent(locale)))?.data?.view;
  const deactivated = view?.kind === 'deactivated' ? view : undefined;
  const outcome = deactivated?.outcome;
  const site = deactivated ? await loadSite(deactivated.siteId) : undefined;

  return (
    <PageShell locale={locale} alternates={getLocalePaths('/forgot-password')}>
      <div className="mx-auto max-w-2xl">
        {site && outcome ? (
          <>
            <h1 className="text-3xl font-bold tracking-tight">{t('deactivatedTitle')}</h1>
            <p className="mt-4 text-lg">{t('deactivated')}</p>
            <OutcomeView
              locale={locale}
              outcome={signInHelpFlow.outcomes[outcome]}
              site={site}
              state={{
                status: 'inactive',
                isSiteAdmin: outcome === 'admin-locked-out',
                isDirectoryManaged: outcome.startsWith('directory'),
                retention: deactivated?.keptIndefinitely ? 'disabled-in-directory' : 'deactivated',
                deletesAt: deactivated?.deletesAt ?? null,
                mailedGuidance: false,
              }}
              now={new Date()}
            />
            {signInHelpFlow.outcomes[outcome].actions.includes('cant-reach-admin') && (site.organization.csm.email || site.organization.csm.phone) && (
              <section aria-labelledby="csm-route" className="mt-8">
                <h2 id="csm-route" className="text-xl font-semibold">
                  {ts('csmTitle')}
                </h2>
                <p className="mt-1">{ts('csmBody')}</p>
                <ContactCard locale={locale} title={tc('csmTitle')} contact={{ ...site.organization.csm, message: null }} />
              </section>
            )}
          </>
        ) : (
          <>
            <h1 className="text-3xl font-bold tracking-tight">{t('sentTitle')}</h1>
            <p role="status" className="mt-4 text-lg">
              {t('sent')}
            </p>
            <p className="mt-8">
              <a href={paths.forgotPassword.form(locale)}>{t('again')}</a>
            </p>
          </>
        )}
      </div>
    </PageShell>
  );
}
