import { resetPasswordFields, resetPasswordFlash, tokenParams } from '@/lib/account-recovery/forms';
import { resetPassword } from '@/lib/account-recovery/service';
import { hashLinkToken } from '@/lib/auth/tokens';
import { checkNewPassword } from '@/lib/auth/password-rules';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/** Saves the new password chosen through a reset link. Passwords are never sent back to the page. */
export const POST = formRoute({
  params: tokenParams,
  fields: resetPasswordFields,
  onBadRequest: (request, { locale, token }) => seeOther(request, paths.resetPassword.page(locale, token)),
  // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
  // opaque; the token in this request's path is the proof it comes from that email.
  allowOpaqueOrigin: true,
  async handle({ request, params: { locale, token }, fields: { password, confirm }, now }) {
    const pagePath = paths.resetPassword.page(locale, token);
    const problems = checkNewPassword(password, confirm);
    if (problems.password || problems.confirm) return redirectWithFormFlash(resetPasswordFlash, request, pagePath, { state: { errors: problems }, status: 400 });
    if (!hashLinkToken(token)) return seeOther(request, paths.linkExpired(locale));
    const result = await withDatabase('reset-password.save', (db) => resetPassword(db, token, password, now));
    if (result.kind === 'invalid') return seeOther(request, paths.linkExpired(locale));
    if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));
    return redirectWithFormFlash(resetPasswordFlash, request, pagePath, { state: { data: { saved: true } }, status: 200, consume: false });
  },
});
