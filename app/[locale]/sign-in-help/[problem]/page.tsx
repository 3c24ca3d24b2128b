import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EmailStep } from '@/components/sign-in-help/email-step';
import { SignInHelpFrame } from '@/components/sign-in-help/frame';
import { OutcomeView } from '@/components/sign-in-help/outcome-view';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { chooseProblem, isProblem, progressOf } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { paths } from '@/lib/paths';
import { emailStepFlash } from '@/lib/sign-in-help/forms';

type Props = { params: Promise<{ locale: string; problem: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Step 2: the email address (or, for "something else", straight to search). */
export default async function SignInHelpEmail({ params }: Props) {
  const { locale: localeParam, problem } = await params;
  const locale = parseLocaleParam(localeParam);
  // The proxy answers unknown problems with the 404 page; this only guards a direct render.
  if (!isProblem(problem)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('SignInHelp');
  const alternates = getLocalePaths(`/sign-in-help/${problem}`);
  const next = chooseProblem(signInHelpFlow, problem);

  if ('outcome' in next) {
    const outcome = signInHelpFlow.outcomes[next.outcome];
    return (
      <SignInHelpFrame locale={locale} alternates={alternates} step={progressOf(signInHelpFlow, 'outcome')} title={t(outcome.title)}>
        <OutcomeView locale={locale} outcome={outcome} now={new Date()} />
      </SignInHelpFrame>
    );
  }

  const step = signInHelpFlow.steps.email;
  const flash = await readFormFlash(emailStepFlash, paths.signInHelp.email(locale, problem));
  return (
    <SignInHelpFrame locale={locale} alternates={alternates} step={progressOf(signInHelpFlow, 'email')} title={t(step.title)}>
      <EmailStep
        locale={locale}
        action={paths.signInHelp.lookup(locale, problem)}
        intro={t(step.kind === 'email' ? step.intro : 'email.intro')}
        submit={t('email.submit')}
        flash={flash}
        expiredMessage={t('site.expired')}
      />
      <p className="mt-8">
        <a href={paths.signInHelp.start(locale)}>{t('back')}</a>
      </p>
    </SignInHelpFrame>
  );
}
