import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { ContactCard } from '@/components/sign-in-help/contact-card';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { findSite } from '@/lib/accounts/repository';
import { getDb } from '@/lib/db/client';
import { readFlash } from '@/lib/http/flash-cookie';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { log } from '@/lib/server/log';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { isOutcomeId } from '@/lib/sign-in-help/types';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('metaTitle'), robots: { index: false } };
}

async function loadSite(siteId: number) {
  try {
    return await findSite(await getDb(), { id: siteId });
  } catch (error) {
    log.error('forgot-password.site', error);
    return undefined;
  }
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
  const data = (await readFlash(paths.forgotPassword.sent(locale)))?.data;
  const outcome = isOutcomeId(data?.outcome) ? data.outcome : undefined;
  const site = data?.view === 'deactivated' && outcome && typeof data.site === 'number' ? await loadSite(data.site) : undefined;

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
                retention: data?.kept === true ? 'disabled-in-directory' : 'deactivated',
                deletesAt: typeof data?.deletesAt === 'string' && data.deletesAt ? data.deletesAt : null,
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
