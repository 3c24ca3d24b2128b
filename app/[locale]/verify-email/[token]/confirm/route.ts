import { tokenParams, verifyEmailFields, verifyEmailFlash } from '@/lib/account-recovery/forms';
import { verifyEmail } from '@/lib/account-recovery/service';
import { hashLinkToken } from '@/lib/auth/tokens';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

export const POST = formRoute({
  params: tokenParams,
  fields: verifyEmailFields,
  onBadRequest: (request, { locale, token }) => seeOther(request, paths.verifyEmail.page(locale, token)),
  // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
  // opaque; the token in this request's path is the proof it comes from that email.
  allowOpaqueOrigin: true,
  async handle({ request, params: { locale, token }, now }) {
    if (!hashLinkToken(token)) return seeOther(request, paths.linkExpired(locale));
    const result = await withDatabase('verify-email', (db) => verifyEmail(db, token, now));
    if (result.kind === 'invalid') return seeOther(request, paths.linkExpired(locale));
    if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));
    return redirectWithFormFlash(verifyEmailFlash, request, paths.verifyEmail.page(locale, token), {
      state: { data: { result: result.kind } },
      status: 200,
      consume: false,
    });
  },
});
