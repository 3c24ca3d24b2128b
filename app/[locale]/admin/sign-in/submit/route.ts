import { NextResponse } from 'next/server';
import { internalHeader, setSessionCookie, signIn } from '@/lib/admin/auth';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { isLocale } from '@/lib/i18n/locales';
import { minutesToWait } from '@/lib/rate-limit/policies';
import { withDatabase } from '@/lib/server/database';
import { checkEmail } from '@/lib/http/email-field';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** The sign-in form. One generic message for every failure; the email typed is kept, never the password. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  if (request.headers.has(internalHeader)) return new NextResponse(null, { status: 403 });
  const formPath = paths.admin.signIn(locale);

  return handleFormPost(
    request,
    () => redirectWithFlash(request, formPath, { state: { errors: { form: 'bad-request' } }, status: 400 }),
    async ({ form, clientIp, now }) => {
      const raw = form.get('email') ?? '';
      const password = form.get('password') ?? '';
      const checked = checkEmail(raw);
      const errors: Record<string, string> = 'email' in checked ? {} : { ...checked.state.errors };
      if (!password) errors.password = 'empty';
      if (Object.keys(errors).length > 0) return redirectWithFlash(request, formPath, { state: { values: { email: raw }, errors }, status: 400 });
      // A password longer than any we accept cannot match: the same answer as a wrong one, without hashing it.
      if (!('email' in checked) || password.length > 200) {
        return redirectWithFlash(request, formPath, { state: { values: { email: raw }, errors: { form: 'refused' } }, status: 400 });
      }

      const result = await withDatabase('admin.sign-in', (db) => signIn(db, { email: checked.email, password, clientIp, now }));
      switch (result.kind) {
        case 'signed-in':
          return setSessionCookie(seeOther(request, paths.admin.users(locale)), result.cookieValue);
        case 'rate-limited':
          return redirectWithFlash(request, formPath, {
            state: { values: { email: raw }, errors: { form: 'rate-limited' }, data: { minutes: minutesToWait(result.retryAfterMs) } },
            status: 429,
          });
        case 'unavailable':
          return seeOther(request, paths.admin.unavailable(locale));
        case 'refused':
          return redirectWithFlash(request, formPath, { state: { values: { email: raw }, errors: { form: 'refused' } }, status: 400 });
      }
    },
  );
}
