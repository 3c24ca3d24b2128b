import { hashLinkToken } from '@/lib/auth/tokens';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { confirmFields, confirmFlash, confirmParams } from '@/lib/reactivation/forms';
import { confirmRequest } from '@/lib/reactivation/service';
import { withDatabase } from '@/lib/server/database';

/** The confirmation link's button: files the request (once) and tells the site's administrators. */
export const POST = formRoute({
  params: confirmParams,
  fields: confirmFields,
  onBadRequest: (request, { locale, token }) => seeOther(request, paths.reactivation.page(locale, token)),
  // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
  // opaque; the token in this request's path is the proof it comes from that email.
  allowOpaqueOrigin: true,
  async handle({ request, params: { locale, token }, clientIp, now }) {
    if (!hashLinkToken(token)) return seeOther(request, paths.linkExpired(locale));
    const page = paths.reactivation.page(locale, token);
    const result = await withDatabase('reactivation.confirm', (db) => confirmRequest(db, { token, locale, clientIp, now }));
    switch (result.kind) {
      case 'invalid':
        return seeOther(request, paths.linkExpired(locale));
      case 'unavailable':
        return seeOther(request, paths.signInHelp.unavailable(locale));
      case 'rate-limited':
        return redirectWithFormFlash(confirmFlash, request, page, { state: { data: { minutes: minutesToWait(result.retryAfterMs) } }, status: 429 });
      case 'filed':
      case 'already-pending':
        return redirectWithFormFlash(confirmFlash, request, page, { state: { data: { result: result.kind } }, status: 200, consume: false });
    }
  },
});
