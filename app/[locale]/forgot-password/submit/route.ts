import { after } from 'next/server';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { forgotPasswordPaths, signInHelpPaths } from '@/lib/sign-in-help/paths';
import { checkEmail } from '@/lib/http/email-field';
import { notFoundResponse } from '@/lib/http/responses';
import { requestPasswordReset } from '@/lib/sign-in-help/service';

/**
 * The forgot-password form. Every address gets the same answer: 303 to the same
 * page with a padded, encrypted result. Any email is sent after the response, so
 * neither the answer nor its timing tells which case the address was.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const formPath = forgotPasswordPaths.form(locale);

  return handleFormPost(
    request,
    () => redirectWithFlash(request, formPath, { state: { errors: { form: 'bad-request' } }, status: 400 }),
    async ({ form, clientIp, now }) => {
      const raw = form.get('email') ?? '';
      const checked = checkEmail(raw);
      if (!('email' in checked)) return redirectWithFlash(request, formPath, checked);

      const result = await requestPasswordReset({ locale, email: checked.email, clientIp, now });
      if (result.kind === 'rate-limited') {
        return redirectWithFlash(request, formPath, {
          state: { values: { email: raw }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
          status: 429,
        });
      }
      if (result.kind === 'unavailable') return seeOther(request, signInHelpPaths.unavailable(locale));

      after(result.deliver);
      const view = result.view;
      return redirectWithFlash(request, forgotPasswordPaths.sent(locale), {
        state: {
          data:
            view.kind === 'neutral'
              ? { view: 'neutral' }
              : { view: 'deactivated', outcome: view.outcome, site: view.siteId, deletesAt: view.deletesAt ?? '', kept: view.keptIndefinitely },
        },
        status: 200,
        consume: false,
      });
    },
  );
}
