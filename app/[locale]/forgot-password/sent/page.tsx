import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { ContactCard } from '@/components/sign-in-help/contact-card';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { forgotPasswordSentFlash } from '@/lib/account-recovery/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { loadResult } from '@/lib/sign-in-help/result-loader';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * After the form: the neutral message for everyone, or, for a deactivated
 * account, the outcome the request's diagnosis found, rendered by the same
 * component and outcome model as sign-in help's result (with its reference code).
 */
export default async function ForgotPasswordSent({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('ForgotPassword');
  const ts = await getTranslations('SupportContact');
  const tc = await getTranslations('SignInHelp');
  const view = (await readFormFlash(forgotPasswordSentFlash, paths.forgotPassword.sent(locale)))?.data?.view;
  const now = new Date();
  const result = view?.kind === 'deactivated' ? await loadResult(view.code, now) : undefined;
  const site = result?.site;
  const outcome = result && signInHelpFlow.outcomes[result.diagnosis.outcome];

  return (
    <PageShell locale={locale} alternates={getLocalePaths('/forgot-password')}>
      <div className="mx-auto max-w-2xl">
        {result && site && outcome ? (
          <>
            <h1 className="text-3xl font-bold tracking-tight">{t('deactivatedTitle')}</h1>
            <p className="mt-4 text-lg">{t('deactivated')}</p>
            <h2 className="mt-6 text-2xl font-semibold">{tc(outcome.title)}</h2>
            <OutcomeView
              locale={locale}
              outcome={outcome}
              site={site}
              state={result.diagnosis.state}
              reference={{ code: result.diagnosis.code, solved: result.diagnosis.solved }}
              pendingRequestSince={result.pendingRequestSince}
              now={now}
            />
            {outcome.actions.includes('cant-reach-admin') && (site.organization.csm.email || site.organization.csm.phone) && (
              <section aria-labelledby="csm-route" className="mt-8">
                <h2 id="csm-route" className="text-xl font-semibold">
                  {ts('csmTitle')}
                </h2>
                <p className="mt-1">{ts('csmBody')}</p>
                <ContactCard locale={locale} title={tc('card.csmTitle')} contact={{ ...site.organization.csm, message: null }} />
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
