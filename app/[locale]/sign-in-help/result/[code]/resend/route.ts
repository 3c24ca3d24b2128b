import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { parseReferenceCode } from '@/lib/sign-in-help/reference-code';
import { notFoundResponse } from '@/lib/http/responses';
import { resendVerification } from '@/lib/sign-in-help/service';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/** "Send the verification email again", from an unverified result. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale, code: rawCode } = await params;
  const code = parseReferenceCode(rawCode);
  if (!isLocale(locale) || !code) return notFoundResponse();
  const resultPath = paths.signInHelp.result(locale, code);

  return handleFormPost(
    request,
    () => seeOther(request, resultPath),
    async ({ clientIp, now }) => {
      const result = await withDatabase('sign-in-help.resend', (db) => resendVerification(db, { code, locale, clientIp, now }));
      switch (result.kind) {
        case 'sent':
          return redirectWithFlash(request, resultPath, { state: { data: { notice: 'resent' } }, status: 200 });
        case 'rate-limited':
          return redirectWithFlash(request, resultPath, {
            state: { data: { notice: 'rate-limited', minutes: minutesToWait(result.retryAfterMs) } },
            status: 429,
          });
        case 'unavailable':
          return seeOther(request, paths.signInHelp.unavailable(locale));
        case 'not-applicable':
          return seeOther(request, resultPath);
      }
    },
  );
}
