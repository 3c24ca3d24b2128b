import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';
import { resendFields, resultFlash, resultParams } from '@/lib/sign-in-help/forms';
import { resendVerification } from '@/lib/sign-in-help/service';

/** "Send the verification email again", from an unverified result. */
export const POST = formRoute({
  params: resultParams,
  fields: resendFields,
  onBadRequest: (request, { locale, code }) => seeOther(request, paths.signInHelp.result(locale, code)),
  async handle({ request, params: { locale, code }, clientIp, now }) {
    const resultPath = paths.signInHelp.result(locale, code);
    const result = await withDatabase('sign-in-help.resend', (db) => resendVerification(db, { code, locale, clientIp, now }));
    switch (result.kind) {
      case 'sent':
        return redirectWithFormFlash(resultFlash, request, resultPath, { state: { data: { notice: { kind: 'resent' } } }, status: 200 });
      case 'rate-limited':
        return redirectWithFormFlash(resultFlash, request, resultPath, {
          state: { data: { notice: { kind: 'rate-limited', minutes: minutesToWait(result.retryAfterMs) } } },
          status: 429,
        });
      case 'unavailable':
        return seeOther(request, paths.signInHelp.unavailable(locale));
      case 'not-applicable':
        return seeOther(request, resultPath);
    }
  },
});
