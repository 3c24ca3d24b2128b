import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { forgotPasswordPaths, signInHelpPaths } from '@/lib/sign-in-help/paths';
import { notFoundResponse } from '@/lib/http/responses';
import { verifyEmail } from '@/lib/sign-in-help/service';

export async function POST(request: Request, { params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const pagePath = `/${locale}/verify-email/${token}`;
  return handleFormPost(
    request,
    () => seeOther(request, pagePath),
    async ({ now }) => {
      const result = await verifyEmail(token, now);
      if (result.kind === 'invalid') return seeOther(request, forgotPasswordPaths.linkExpired(locale));
      if (result.kind === 'unavailable') return seeOther(request, signInHelpPaths.unavailable(locale));
      return redirectWithFlash(request, pagePath, { state: { data: { result: result.kind } }, status: 200, consume: false });
    },
    // The page is sent without a Referer (its URL holds the token), so the browser's Origin is
    // opaque; the token in this request's path is the proof it comes from that email.
    { allowOpaqueOrigin: true },
  );
}
