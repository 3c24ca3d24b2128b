import { redirectWithFlash } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { parseStepParams, respondToDiagnosis } from '@/lib/sign-in-help/route-helpers';
import { checkEmail } from '@/lib/http/email-field';
import { notFoundResponse } from '@/lib/http/responses';
import { diagnose } from '@/lib/sign-in-help/service';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/** Step 2's form: look the account up and go to the result (or ask for the site). */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; problem: string }> }) {
  const step = parseStepParams(await params);
  if (!step) return notFoundResponse();
  const { locale, problem } = step;
  const formPath = paths.signInHelp.email(locale, problem);

  return handleFormPost(
    request,
    () => redirectWithFlash(request, formPath, { state: { errors: { form: 'bad-request' } }, status: 400 }),
    async ({ form, clientIp, now }) => {
      const raw = form.get('email') ?? '';
      const checked = checkEmail(raw);
      if (!('email' in checked)) return redirectWithFlash(request, formPath, checked);
      const result = await withDatabase('sign-in-help.diagnose', (db) => diagnose(db, { locale, problem, email: checked.email, clientIp, now }));
      return respondToDiagnosis(request, locale, formPath, { email: raw }, result, () =>
        // The address is on several sites: carry it (encrypted, never in the URL) to the site question.
        redirectWithFlash(request, paths.signInHelp.site(locale, problem), {
          state: { values: { email: checked.email } },
          status: 200,
          consume: false,
        }),
      );
    },
  );
}
