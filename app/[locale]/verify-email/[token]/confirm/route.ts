import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { isVerificationTokenCurrent, verifyEmail } from '@/lib/account-recovery/service';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

export async function POST(request: Request, { params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const pagePath = `/${locale}/verify-email/${token}`;
  return handleFormPost(
    request,
    () => seeOther(request, pagePath),
    async ({ now }) => {
      if (!isVerificationTokenCurrent(token, now)) return seeOther(request, paths.linkExpired(locale));
      const result = await withDatabase('verify-email', (db) => verifyEmail(db, token, now));
      if (result.kind === 'invalid') return seeOther(request, paths.linkExpired(locale));
      if (result.kind === 'unavailable') return seeOther(request, paths.signInHelp.unavailable(locale));
      return redirectWithFlash(request, pagePath, { state: { data: { result: result.kind } }, status: 200, consume: false });
    },
    // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
    // opaque; the token in this request's path is the proof it comes from that email.
    { allowOpaqueOrigin: true },
  );
}
