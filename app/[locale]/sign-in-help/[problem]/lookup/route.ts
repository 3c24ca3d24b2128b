import { checkEmail } from '@/lib/http/email-field';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';
import { emailStepFields, emailStepFlash, resultFlash, siteStepFlash, stepParams } from '@/lib/sign-in-help/forms';
import { diagnose } from '@/lib/sign-in-help/service';

/** Step 2's form: look the account up and go to the result (or ask for the site). */
export const POST = formRoute({
  params: stepParams,
  fields: emailStepFields,
  onBadRequest: (request, { locale, problem }) =>
    redirectWithFormFlash(emailStepFlash, request, paths.signInHelp.email(locale, problem), { state: { errors: { form: 'bad-request' } }, status: 400 }),
  async handle({ request, params: { locale, problem }, fields, clientIp, now }) {
    const formPath = paths.signInHelp.email(locale, problem);
    const checked = checkEmail(fields.email);
    if (!('email' in checked)) return redirectWithFormFlash(emailStepFlash, request, formPath, checked);
    const result = await withDatabase('sign-in-help.diagnose', (db) => diagnose(db, { locale, problem, email: checked.email, clientIp, now }));
    switch (result.kind) {
      case 'diagnosed':
        return redirectWithFormFlash(resultFlash, request, paths.signInHelp.result(locale, result.code), {
          state: { data: { typedEmail: checked.email } },
          status: 200,
          consume: false,
        });
      case 'rate-limited':
        return redirectWithFormFlash(emailStepFlash, request, formPath, {
          state: { values: { email: fields.email }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
          status: 429,
        });
      case 'unavailable':
        return seeOther(request, paths.signInHelp.unavailable(locale));
      // "unknown-site" answers a site typed at the next step; it cannot come from this one.
      case 'unknown-site':
      case 'choose-site':
        // The address is on several sites: carry it (encrypted, never in the URL) to the site question.
        return redirectWithFormFlash(siteStepFlash, request, paths.signInHelp.site(locale, problem), {
          state: { values: { email: checked.email } },
          status: 200,
          consume: false,
        });
    }
  },
});
