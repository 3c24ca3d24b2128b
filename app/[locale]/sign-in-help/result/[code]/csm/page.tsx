import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInHelpFrame } from '@/components/sign-in-help/frame';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { actionTargets, progressOf } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { loadResultOrRedirect } from '@/lib/sign-in-help/result-loader';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** "I can't reach my administrator": the organization's Customer Success Manager, for the same result. */
export default async function SignInHelpCsm({ params }: Props) {
  const { locale: localeParam, code } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const now = new Date();
  const { diagnosis, site } = await loadResultOrRedirect(locale, code, now);
  const offersIt = signInHelpFlow.outcomes[diagnosis.outcome].actions.includes('cant-reach-admin');
  if (!offersIt || !site) redirect(paths.signInHelp.result(locale, diagnosis.code));

  const t = await getTranslations('SignInHelp');
  const outcome = signInHelpFlow.outcomes[actionTargets['cant-reach-admin']];
  return (
    <SignInHelpFrame
      locale={locale}
      alternates={getLocalePaths(`/sign-in-help/result/${diagnosis.code}/csm`)}
      step={progressOf(signInHelpFlow, 'outcome')}
      title={t(outcome.title)}
    >
      <OutcomeView locale={locale} outcome={outcome} site={site} state={diagnosis.state} reference={{ code: diagnosis.code, solved: diagnosis.solved }} now={now} />
      <p className="mt-4">
        <a href={paths.signInHelp.result(locale, diagnosis.code)}>{t('back')}</a>
      </p>
    </SignInHelpFrame>
  );
}
