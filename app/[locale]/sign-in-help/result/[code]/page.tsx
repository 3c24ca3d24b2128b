import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInHelpFrame } from '@/components/sign-in-help/frame';
import { EmailText } from '@/components/ui/email-text';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { progressOf } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { resultFlash } from '@/lib/sign-in-help/forms';
import { loadResultOrRedirect } from '@/lib/sign-in-help/result-loader';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Step 3: the outcome, found again by its reference code (so back, forward and a pasted link all work). */
export default async function SignInHelpResult({ params }: Props) {
  const { locale: localeParam, code } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const now = new Date();
  const { diagnosis, site, pendingRequestSince } = await loadResultOrRedirect(locale, code, now);

  const t = await getTranslations('SignInHelp');
  const outcome = signInHelpFlow.outcomes[diagnosis.outcome];
  const flash = await readFormFlash(resultFlash, paths.signInHelp.result(locale, diagnosis.code));
  // The address as typed, from the encrypted flash the lookup left (never from the URL): a typo shows.
  const typedEmail = flash?.data?.typedEmail;

  return (
    <SignInHelpFrame
      locale={locale}
      alternates={getLocalePaths(`/sign-in-help/result/${diagnosis.code}`)}
      step={progressOf(signInHelpFlow, 'outcome')}
      title={t(outcome.title)}
    >
      {typedEmail && diagnosis.problem !== 'other' && (
        <p className="mt-4 rounded border border-line bg-wash px-4 py-3">
          {t.rich('typed.checked', { email: () => <EmailText email={typedEmail} className="font-semibold" /> })}{' '}
          <a href={paths.signInHelp.email(locale, diagnosis.problem)}>{t('typed.checkAgain')}</a>
        </p>
      )}
      <OutcomeView
        locale={locale}
        outcome={outcome}
        site={site}
        state={diagnosis.state}
        reference={{ code: diagnosis.code, solved: diagnosis.solved }}
        notice={flash?.data?.notice}
        pendingRequestSince={pendingRequestSince}
        now={now}
      />
    </SignInHelpFrame>
  );
}
