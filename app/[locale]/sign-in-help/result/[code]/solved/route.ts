import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { getDb } from '@/lib/db/client';
import { isLocale } from '@/lib/i18n/locales';
import { consume } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { parseReferenceCode } from '@/lib/sign-in-help/reference-code';
import { recordSolved } from '@/lib/sign-in-help/repository';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** "Did this solve your problem?": stored with the diagnosis. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale, code: rawCode } = await params;
  const code = parseReferenceCode(rawCode);
  if (!isLocale(locale) || !code) return notFoundResponse();
  const resultPath = paths.signInHelp.result(locale, code);

  return handleFormPost(
    request,
    () => seeOther(request, resultPath),
    async ({ form, clientIp }) => {
      const answer = form.get('solved');
      if (answer !== 'yes' && answer !== 'no') return seeOther(request, resultPath);
      if (!(await consume('feedback', { clientIp })).ok) return seeOther(request, resultPath);
      try {
        await recordSolved(await getDb(), code, answer === 'yes');
      } catch (error) {
        log.error('sign-in-help.solved', error);
        return seeOther(request, paths.signInHelp.unavailable(locale));
      }
      return redirectWithFlash(request, resultPath, { state: { data: { notice: 'solved', solved: answer === 'yes' } }, status: 200 });
    },
  );
}
