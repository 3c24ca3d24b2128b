import type { z } from 'zod';
import { checkEmail } from '@/lib/http/email-field';
import type { FlashStatus } from '@/lib/http/flash';
import { seeOther } from '@/lib/http/flash-cookie';
import { flashCookieName } from '@/lib/http/flash-name';
import { formRoute, readFormFlash, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';
import { emailStepFlash, resultFlash, siteStepFields, siteStepFlash, stepParams } from '@/lib/sign-in-help/forms';
import { diagnose } from '@/lib/sign-in-help/service';

const siteSlug = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

type SiteFlash = z.input<typeof siteStepFlash>;

/** Back to the site question, still carrying the address (the page shows the site typed, never the address). */
async function askAgain(request: Request, sitePath: string, state: SiteFlash, status: FlashStatus) {
  const carried = (await readFormFlash(siteStepFlash, sitePath))?.values?.email ?? '';
  return redirectWithFormFlash(siteStepFlash, request, sitePath, { state: { ...state, values: { ...state.values, email: carried } }, status, consume: false });
}

/** Step 2b: the site, for an address on several. The address comes from the step before, encrypted. */
export const POST = formRoute({
  params: stepParams,
  fields: siteStepFields,
  onBadRequest: (request, { locale, problem }) => askAgain(request, paths.signInHelp.site(locale, problem), { errors: { form: 'bad-request' } }, 400),
  async handle({ request, params: { locale, problem }, fields: { site: typed }, clientIp, now }) {
    const sitePath = paths.signInHelp.site(locale, problem);
    const checked = checkEmail((await readFormFlash(siteStepFlash, sitePath))?.values?.email ?? '');
    if (!('email' in checked)) {
      // The ten minutes have passed: back to the email question.
      return redirectWithFormFlash(emailStepFlash, request, paths.signInHelp.email(locale, problem), { state: { errors: { form: 'expired' } }, status: 409 });
    }
    // People paste the whole address: acme.example.com → acme.
    const slug = typed.toLowerCase().replace(/^https?:\/\//, '').split(/[./]/)[0] ?? '';
    if (!typed) return askAgain(request, sitePath, { values: { site: typed }, errors: { site: 'empty' } }, 400);
    if (!siteSlug.test(slug)) return askAgain(request, sitePath, { values: { site: typed }, errors: { site: 'invalid' } }, 400);

    const result = await withDatabase('sign-in-help.diagnose', (db) => diagnose(db, { locale, problem, email: checked.email, siteSlug: slug, clientIp, now }));
    switch (result.kind) {
      case 'unknown-site':
        return askAgain(request, sitePath, { values: { site: typed }, errors: { site: 'unknown' } }, 400);
      case 'rate-limited':
        return askAgain(request, sitePath, { values: { site: typed }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } }, 429);
      case 'choose-site':
        return askAgain(request, sitePath, { values: { site: typed } }, 400);
      case 'unavailable':
      case 'diagnosed': {
        const response =
          result.kind === 'diagnosed'
            ? redirectWithFormFlash(resultFlash, request, paths.signInHelp.result(locale, result.code), {
                state: { data: { typedEmail: checked.email } },
                status: 200,
                consume: false,
              })
            : seeOther(request, paths.signInHelp.unavailable(locale));
        // Done with the address: drop the cookie that carried it.
        response.cookies.set(flashCookieName(sitePath), '', { path: sitePath, maxAge: 0 });
        return response;
      }
    }
  },
});
