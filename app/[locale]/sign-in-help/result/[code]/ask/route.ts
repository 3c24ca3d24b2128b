import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { askForReactivation } from '@/lib/reactivation/service';
import { withDatabase } from '@/lib/server/database';
import { askReactivationFields, resultFlash, resultParams } from '@/lib/sign-in-help/forms';

/**
 * "Ask my administrator to reactivate my account", from an outcome. The answer is the same for
 * every code: a confirmation link goes to the account's own address only when a request can be filed.
 */
export const POST = formRoute({
  params: resultParams,
  fields: askReactivationFields,
  onBadRequest: (request, { locale, code }) => seeOther(request, paths.signInHelp.result(locale, code)),
  async handle({ request, params: { locale, code }, clientIp, now }) {
    const resultPath = paths.signInHelp.result(locale, code);
    const result = await withDatabase('sign-in-help.ask-reactivation', (db) => askForReactivation(db, { code, locale, clientIp, now }));
    switch (result.kind) {
      case 'asked':
        return redirectWithFormFlash(resultFlash, request, resultPath, { state: { data: { notice: { kind: 'reactivation-asked' } } }, status: 200 });
      case 'rate-limited':
        return redirectWithFormFlash(resultFlash, request, resultPath, {
          state: { data: { notice: { kind: 'rate-limited', minutes: minutesToWait(result.retryAfterMs) } } },
          status: 429,
        });
      case 'unavailable':
        return seeOther(request, paths.signInHelp.unavailable(locale));
    }
  },
});
