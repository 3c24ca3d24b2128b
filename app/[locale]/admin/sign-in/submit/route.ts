import { NextResponse } from 'next/server';
import { internalHeader, setSessionCookie, signIn } from '@/lib/admin/auth';
import { adminParams, signInFields, signInFlash } from '@/lib/admin/forms';
import { checkEmail } from '@/lib/http/email-field';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';

/** The sign-in form. One generic message for every failure; the email typed is kept, never the password. */
export const POST = formRoute({
  params: adminParams,
  fields: signInFields,
  onBadRequest: (request, { locale }) =>
    redirectWithFormFlash(signInFlash, request, paths.admin.signIn(locale), { state: { errors: { form: 'bad-request' } }, status: 400 }),
  async handle({ request, params: { locale }, fields: { email: raw, password }, clientIp, now }) {
    if (request.headers.has(internalHeader)) return new NextResponse(null, { status: 403 });
    const formPath = paths.admin.signIn(locale);
    const checked = checkEmail(raw);
    const errors = {
      ...('email' in checked ? {} : checked.state.errors),
      ...(password ? {} : { password: 'empty' as const }),
    };
    if (Object.keys(errors).length > 0) return redirectWithFormFlash(signInFlash, request, formPath, { state: { values: { email: raw }, errors }, status: 400 });
    // A password longer than any we accept cannot match: the same answer as a wrong one, without hashing it.
    if (!('email' in checked) || password.length > 200) {
      return redirectWithFormFlash(signInFlash, request, formPath, { state: { values: { email: raw }, errors: { form: 'refused' } }, status: 400 });
    }

    const result = await withDatabase('admin.sign-in', (db) => signIn(db, { email: checked.email, password, clientIp, now, locale }));
    switch (result.kind) {
      case 'signed-in':
        return setSessionCookie(seeOther(request, paths.admin.users(locale)), result.cookieValue);
      case 'rate-limited':
        return redirectWithFormFlash(signInFlash, request, formPath, {
          state: { values: { email: raw }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
          status: 429,
        });
      case 'unavailable':
        return seeOther(request, paths.admin.unavailable(locale));
      case 'refused':
        return redirectWithFormFlash(signInFlash, request, formPath, { state: { values: { email: raw }, errors: { form: 'refused' } }, status: 400 });
    }
  },
});
