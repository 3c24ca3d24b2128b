import { getTranslations } from 'next-intl/server';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form';
import type { EmailFormFlash, EmailProblem, FormProblem } from '@/lib/http/email-field';
import type { Locale } from '@/lib/i18n/locales';
import { maxEmailLength } from '@/lib/accounts/email';
import { RateLimitGuidance } from './rate-limit-guidance';

/** The email field, its errors (kept after a failed post, with what was typed) and the submit button. */
export async function EmailStep({
  locale,
  action,
  intro,
  submit,
  flash,
  expiredMessage,
}: {
  locale: Locale;
  action: string;
  intro: string;
  submit: string;
  flash?: EmailFormFlash;
  /** Shown when a later step lost the address (it is kept ten minutes). */
  expiredMessage?: string;
}) {
  const tf = await getTranslations({ locale, namespace: 'Forms' });
  const emailMessages: Record<EmailProblem, string> = {
    empty: tf('emailEmpty'),
    invalid: tf('emailInvalid'),
    'too-long': tf('emailTooLong', { max: maxEmailLength }),
  };
  const formMessages: Partial<Record<FormProblem, string>> = {
    'rate-limited': tf('rateLimited', { minutes: flash?.data?.minutes ?? 1 }),
    'bad-request': tf('badRequest'),
    expired: expiredMessage,
  };
  const errorMessage = flash?.errors?.email && emailMessages[flash.errors.email];
  const formError = flash?.errors?.form && formMessages[flash.errors.form];

  return (
    <>
      <p className="mt-2 text-lg text-muted">{intro}</p>
      {formError && (
        <p role="alert" className="mt-6 rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
          {formError}
        </p>
      )}
      {flash?.errors?.form === 'rate-limited' && <RateLimitGuidance locale={locale} />}
      <ErrorSummary title={tf('errorSummary')} errors={errorMessage ? [{ field: 'email', message: errorMessage }] : []} />
      <form method="post" action={action} noValidate className="mt-2">
        <TextField
          id="email"
          name="email"
          type="email"
          label={tf('emailLabel')}
          defaultValue={flash?.values?.email}
          error={errorMessage}
          autoComplete="email"
          inputMode="email"
          maxLength={maxEmailLength + 20}
          dir="ltr"
          required
        />
        <SubmitButton>{submit}</SubmitButton>
      </form>
    </>
  );
}
