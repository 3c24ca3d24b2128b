import { flashCookieName } from '@/lib/http/flash-name';
import { readFlash, redirectWithFlash } from '@/lib/http/flash-cookie';
import type { FlashState, FlashStatus } from '@/lib/http/flash';
import { handleFormPost } from '@/lib/http/post';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { parseStepParams, respondToDiagnosis } from '@/lib/sign-in-help/route-helpers';
import { checkEmail } from '@/lib/http/email-field';
import { notFoundResponse } from '@/lib/http/responses';
import { diagnose } from '@/lib/sign-in-help/service';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

const siteSlug = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Step 2b: the site, for an address on several. The address comes from the step before, encrypted. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; problem: string }> }) {
  const step = parseStepParams(await params);
  if (!step) return notFoundResponse();
  const { locale, problem } = step;
  const sitePath = paths.signInHelp.site(locale, problem);
  const carried = (await readFlash(sitePath))?.values?.email;

  // Back to the site question, still carrying the address (the page shows the site typed, never the address).
  const again = (state: FlashState, status: FlashStatus) =>
    redirectWithFlash(request, sitePath, { state: { ...state, values: { ...state.values, email: carried ?? '' } }, status, consume: false });

  return handleFormPost(
    request,
    () => again({ errors: { form: 'bad-request' } }, 400),
    async ({ form, clientIp, now }) => {
      const checked = checkEmail(carried ?? '');
      if (!('email' in checked)) {
        // The ten minutes have passed: back to the email question.
        return redirectWithFlash(request, paths.signInHelp.email(locale, problem), { state: { errors: { form: 'expired' } }, status: 409 });
      }
      const typed = (form.get('site') ?? '').trim().slice(0, 100);
      // People paste the whole address: acme.example.com → acme.
      const slug = typed.toLowerCase().replace(/^https?:\/\//, '').split(/[./]/)[0] ?? '';
      if (!typed) return again({ values: { site: typed }, errors: { site: 'empty' } }, 400);
      if (!siteSlug.test(slug)) return again({ values: { site: typed }, errors: { site: 'invalid' } }, 400);

      const result = await withDatabase('sign-in-help.diagnose', (db) => diagnose(db, { locale, problem, email: checked.email, siteSlug: slug, clientIp, now }));
      if (result.kind === 'unknown-site') return again({ values: { site: typed }, errors: { site: 'unknown' } }, 400);
      if (result.kind === 'rate-limited') {
        return again({ values: { site: typed }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } }, 429);
      }
      const response = respondToDiagnosis(request, locale, sitePath, { site: typed }, result, () => again({ values: { site: typed } }, 400));
      // Done with the address: drop the cookie that carried it.
      response.cookies.set(flashCookieName(sitePath), '', { path: sitePath, maxAge: 0 });
      return response;
    },
  );
}
