import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { checkNewPassword } from '@/lib/auth/password-rules';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { isResetTokenCurrent, resetPassword } from '@/lib/account-recovery/service';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

/** Saves the new password chosen through a reset link. Passwords are never sent back to the page. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const pagePath = paths.resetPassword.page(locale, token);

  return handleFormPost(
    request,
    () => seeOther(request, pagePath),
    async ({ form, now }) => {
      const password = form.get('password') ?? '';
      const problems = checkNewPassword(password, form.get('confirm') ?? '');
      if (problems.password || problems.confirm) {
        return redirectWithFlash(request, pagePath, { state: { errors: problems as Record<string, string> }, status: 400 });
      }
      if (!isResetTokenCurrent(token, now)) return seeOther(request, paths.linkExpired(locale));
      const result = await withDatabase('reset-password.save', (db) => resetPassword(db, token, password, now));
      if (result.kind === 'invalid') return seeOther(request, paths.linkExpired(locale));
      if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));
      return redirectWithFlash(request, pagePath, { state: { data: { saved: true } }, status: 200, consume: false });
    },
    // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
    // opaque; the token in this request's path is the proof it comes from that email.
    { allowOpaqueOrigin: true },
  );
}
