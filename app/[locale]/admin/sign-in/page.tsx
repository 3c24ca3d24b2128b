import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Notice } from '@/components/admin/admin-frame';
import { PageShell } from '@/components/layout/page-shell';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import { currentAdmin } from '@/lib/admin/auth';
import { maxEmailLength } from '@/lib/accounts/email';
import { isProduction } from '@/lib/config/env';
import { demoAdminEmail, demoAdminPassword } from '@/lib/admin/demo';
import { signInFlash } from '@/lib/admin/forms';
import type { EmailProblem, FormProblem } from '@/lib/http/email-field';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.signIn' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function AdminSignIn({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  if (await currentAdmin()) redirect(paths.admin.users(locale));
  const t = await getTranslations('Admin.signIn');
  const tf = await getTranslations('Forms');
  const flash = await readFormFlash(signInFlash, paths.admin.signIn(locale));
  const errors = flash?.errors ?? {};
  const formMessages: Partial<Record<FormProblem, string>> = {
    refused: t('refused'),
    'rate-limited': tf('rateLimited', { minutes: flash?.data?.minutes ?? 1 }),
    'session-ended': t('sessionEnded'),
    'bad-request': tf('badRequest'),
  };
  const emailMessages: Record<EmailProblem, string> = {
    empty: tf('emailEmpty'),
    invalid: tf('emailInvalid'),
    'too-long': tf('emailTooLong', { max: maxEmailLength }),
  };
  const formMessage = errors.form && formMessages[errors.form];
  const emailError = errors.email && emailMessages[errors.email];
  const passwordError = errors.password === 'empty' ? t('passwordEmpty') : undefined;

  return (
    <PageShell locale={locale} alternates={getLocalePaths('/admin/sign-in')}>
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="mt-2 text-muted">{t('intro')}</p>
        {flash?.data?.notice === 'signed-out' && <Notice tone="ok">{t('signedOut')}</Notice>}
        {formMessage && <Notice tone="problem">{formMessage}</Notice>}
        <ErrorSummary
          title={tf('errorSummary')}
          errors={[
            ...(emailError ? [{ field: 'email', message: emailError }] : []),
            ...(passwordError ? [{ field: 'password', message: passwordError }] : []),
          ]}
        />
        <form method="post" action={paths.admin.signInSubmit(locale)} noValidate>
          <TextField
            id="email"
            name="email"
            type="email"
            label={t('email')}
            defaultValue={flash?.values?.email}
            error={emailError}
            autoComplete="username"
            inputMode="email"
            maxLength={maxEmailLength + 20}
            dir="ltr"
            required
          />
          <TextField id="password" name="password" type="password" label={t('password')} error={passwordError} autoComplete="current-password" maxLength={200} required />
          <SubmitButton>{t('submit')}</SubmitButton>
        </form>
        {!isProduction && <p className="mt-8 rounded bg-wash px-4 py-3 text-sm">{t('demo', { email: demoAdminEmail, password: demoAdminPassword })}</p>}
        <p className="mt-6 text-sm text-muted">{t('lockedOut')}</p>
      </div>
    </PageShell>
  );
}
