import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';
import { resultFlash, resultParams, solvedFields } from '@/lib/sign-in-help/forms';
import { recordAnswer } from '@/lib/sign-in-help/service';

/** "Did this solve your problem?": stored with the diagnosis. */
export const POST = formRoute({
  params: resultParams,
  fields: solvedFields,
  onBadRequest: (request, { locale, code }) => seeOther(request, paths.signInHelp.result(locale, code)),
  async handle({ request, params: { locale, code }, fields, clientIp }) {
    const resultPath = paths.signInHelp.result(locale, code);
    const solved = fields.solved === 'yes';
    const result = await withDatabase('sign-in-help.solved', (db) => recordAnswer(db, { code, solved, clientIp }));
    switch (result.kind) {
      case 'recorded':
        return redirectWithFormFlash(resultFlash, request, resultPath, { state: { data: { notice: { kind: 'solved', solved } } }, status: 200 });
      case 'rate-limited':
        return seeOther(request, resultPath);
      case 'unavailable':
        return seeOther(request, paths.signInHelp.unavailable(locale));
    }
  },
});
