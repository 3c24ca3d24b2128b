import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignInHelpFrame } from '@/components/sign-in-help/frame';
import { RateLimitGuidance } from '@/components/sign-in-help/rate-limit-guidance';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import type { FormProblem } from '@/lib/http/email-field';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { isProblem, progressOf } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { paths } from '@/lib/paths';
import { siteStepFlash, type SiteProblem } from '@/lib/sign-in-help/forms';

type Props = { params: Promise<{ locale: string; problem: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Step 2b: which site, asked only when the address has accounts on several. */
export default async function SignInHelpSite({ params }: Props) {
  const { locale: localeParam, problem } = await params;
  const locale = parseLocaleParam(localeParam);
  if (!isProblem(problem) || problem === 'other') notFound();
  setRequestLocale(locale);
  const t = await getTranslations('SignInHelp');
  const tf = await getTranslations('Forms');
  const flash = await readFormFlash(siteStepFlash, paths.signInHelp.site(locale, problem));
  const hasAddress = Boolean(flash?.values?.email);
  const typed = flash?.values?.site ?? '';
  const siteMessages: Record<SiteProblem, string> = {
    empty: t('site.empty'),
    invalid: t('site.invalid'),
    unknown: t('site.unknown', { site: typed }),
  };
  const formMessages: Partial<Record<FormProblem, string>> = {
    'rate-limited': tf('rateLimited', { minutes: flash?.data?.minutes ?? 1 }),
    'bad-request': tf('badRequest'),
  };
  const fieldMessage = flash?.errors?.site && siteMessages[flash.errors.site];
  const formMessage = flash?.errors?.form && formMessages[flash.errors.form];

  return (
    <SignInHelpFrame
      locale={locale}
      alternates={getLocalePaths(`/sign-in-help/${problem}/site`)}
      step={progressOf(signInHelpFlow, 'site')}
      title={t('site.title')}
    >
      {hasAddress ? (
        <>
          <p className="mt-2 text-lg text-muted">{t('site.intro')}</p>
          {formMessage && (
            <p role="alert" className="mt-6 rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
              {formMessage}
            </p>
          )}
          {flash?.errors?.form === 'rate-limited' && <RateLimitGuidance locale={locale} />}
          <ErrorSummary title={tf('errorSummary')} errors={fieldMessage ? [{ field: 'site', message: fieldMessage }] : []} />
          <form method="post" action={paths.signInHelp.siteLookup(locale, problem)} noValidate>
            <TextField id="site" name="site" label={t('site.label')} defaultValue={typed} error={fieldMessage} maxLength={100} dir="ltr" required autoComplete="off" />
            <SubmitButton>{t('site.submit')}</SubmitButton>
          </form>
        </>
      ) : (
        <p role="alert" className="mt-6 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
          {t('site.expired')} <a href={paths.signInHelp.email(locale, problem)}>{t('back')}</a>
        </p>
      )}
    </SignInHelpFrame>
  );
}
