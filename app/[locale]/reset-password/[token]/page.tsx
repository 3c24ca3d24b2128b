import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import { resetPasswordFlash } from '@/lib/account-recovery/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { passwordRules, type PasswordProblem } from '@/lib/auth/password-rules';
import { checkResetToken } from '@/lib/account-recovery/service';
import { hashLinkToken } from '@/lib/auth/tokens';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ForgotPassword' });
  return { title: t('newTitle'), robots: { index: false } };
}

/** The link from the reset email: choose a new password. Opening the link changes nothing. */
export default async function ResetPassword({ params }: Props) {
  const { locale: localeParam, token } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const t = await getTranslations('ForgotPassword');
  const tf = await getTranslations('Forms');
  const flash = await readFormFlash(resetPasswordFlash, paths.resetPassword.page(locale, token));
  if (flash?.data?.saved) {
    return (
      <PageShell locale={locale} alternates={getLocalePaths('/forgot-password')}>
        <h1 className="text-3xl font-bold tracking-tight">{t('newTitle')}</h1>
        <p role="status" className="mt-4 rounded border-s-4 border-ok bg-ok-wash px-4 py-3 text-lg">
          {t('saved')}
        </p>
      </PageShell>
    );
  }
  const now = new Date();
  // Text that cannot be a token needs no lookup (and works while the database is down).
  if (!hashLinkToken(token)) redirect(paths.linkExpired(locale));
  const check = await withDatabase('reset-password.check', (db) => checkResetToken(db, token, now));
  if (check.kind === 'invalid') redirect(paths.linkExpired(locale));
  if (check.kind === 'unavailable') redirect(paths.signInHelp.unavailable(locale));

  const errors = flash?.errors ?? {};
  const messages: Record<PasswordProblem, string> = {
    'too-short': t('tooShort', { min: passwordRules.minLength }),
    'too-long': t('tooLong', { max: passwordRules.maxLength }),
    mismatch: t('mismatch'),
  };
  const message = (problem: PasswordProblem | undefined) => (problem ? messages[problem] : undefined);
  const fieldErrors = [
    { field: 'password', message: message(errors.password) },
    { field: 'confirm', message: message(errors.confirm) },
  ].filter((e): e is { field: string; message: string } => Boolean(e.message));

  return (
    <PageShell locale={locale} alternates={getLocalePaths('/forgot-password')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('newTitle')}</h1>
        <ErrorSummary title={tf('errorSummary')} errors={fieldErrors} />
        <form method="post" action={paths.resetPassword.save(locale, token)} noValidate>
          <TextField
            id="password"
            name="password"
            type="password"
            label={t('newLabel')}
            hint={t('newHint', { min: passwordRules.minLength })}
            error={message(errors.password)}
            autoComplete="new-password"
            maxLength={passwordRules.maxLength}
            required
          />
          <TextField
            id="confirm"
            name="confirm"
            type="password"
            label={t('confirmLabel')}
            error={message(errors.confirm)}
            autoComplete="new-password"
            maxLength={passwordRules.maxLength}
            required
          />
          <SubmitButton>{t('save')}</SubmitButton>
        </form>
      </div>
    </PageShell>
  );
}
