import { after } from 'next/server';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { checkEmail } from '@/lib/http/email-field';
import { notFoundResponse } from '@/lib/http/responses';
import { requestPasswordReset } from '@/lib/account-recovery/service';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/**
 * The forgot-password form. Every address gets the same answer: 303 to the same
 * page with a padded, encrypted result. Any email is sent after the response, so
 * neither the answer nor its timing tells which case the address was.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const formPath = paths.forgotPassword.form(locale);

  return handleFormPost(
    request,
    () => redirectWithFlash(request, formPath, { state: { errors: { form: 'bad-request' } }, status: 400 }),
    async ({ form, clientIp, now }) => {
      const raw = form.get('email') ?? '';
      const checked = checkEmail(raw);
      if (!('email' in checked)) return redirectWithFlash(request, formPath, checked);

      const result = await withDatabase('forgot-password.request', (db) => requestPasswordReset(db, { locale, email: checked.email, clientIp, now }));
      if (result.kind === 'rate-limited') {
        return redirectWithFlash(request, formPath, {
          state: { values: { email: raw }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
          status: 429,
        });
      }
      if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));

      after(result.deliver);
      const view = result.view;
      return redirectWithFlash(request, paths.forgotPassword.sent(locale), {
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
