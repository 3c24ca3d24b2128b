import { forgotPasswordFields, forgotPasswordFlash, forgotPasswordParams, forgotPasswordSentFlash } from '@/lib/account-recovery/forms';
import { requestPasswordReset } from '@/lib/account-recovery/service';
import { checkEmail } from '@/lib/http/email-field';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';

/**
 * The forgot-password form. Every address gets the same answer: 303 to the same
 * page with a padded, encrypted result, after the same work for every address (one
 * lookup, one queued mail request); the mail worker decides and sends any email
 * later, so neither the answer nor its timing tells which case the address was.
 */
export const POST = formRoute({
  params: forgotPasswordParams,
  fields: forgotPasswordFields,
  onBadRequest: (request, { locale }) =>
    redirectWithFormFlash(forgotPasswordFlash, request, paths.forgotPassword.form(locale), { state: { errors: { form: 'bad-request' } }, status: 400 }),
  async handle({ request, params: { locale }, fields, clientIp, now }) {
    const formPath = paths.forgotPassword.form(locale);
    const checked = checkEmail(fields.email);
    if (!('email' in checked)) return redirectWithFormFlash(forgotPasswordFlash, request, formPath, checked);

    const result = await withDatabase('forgot-password.request', (db) => requestPasswordReset(db, { locale, email: checked.email, clientIp, now }));
    if (result.kind === 'rate-limited') {
      return redirectWithFormFlash(forgotPasswordFlash, request, formPath, {
        state: { values: { email: fields.email }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
        status: 429,
      });
    }
    if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));

    return redirectWithFormFlash(forgotPasswordSentFlash, request, paths.forgotPassword.sent(locale), {
      state: { data: { view: result.view } },
      status: 200,
      consume: false,
    });
  },
});
