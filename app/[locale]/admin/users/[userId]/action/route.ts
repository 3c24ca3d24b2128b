import { handleAdminPost } from '@/lib/admin/auth';
import { isUserAction } from '@/lib/admin/rules';
import { performUserAction } from '@/lib/admin/service';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** Where to return after an action: the users list with the filters it had, and nothing else. */
function returnSearch(locale: Locale, back: string | undefined): string {
  const base = paths.admin.users(locale);
  if (!back?.startsWith(base)) return '';
  const search = back.slice(base.length);
  return /^\?[\w=&%.+-]{0,300}$/.test(search) ? search : '';
}

/** One action on one user of the administrator's own site. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; userId: string }> }) {
  const { locale, userId: rawId } = await params;
  const userId = /^\d{1,9}$/.test(rawId) ? Number(rawId) : undefined;
  if (!isLocale(locale) || userId === undefined) return notFoundResponse();
  const listPath = paths.admin.users(locale);

  return handleAdminPost(
    request,
    locale,
    () => seeOther(request, listPath),
    async (context) => {
      const action = context.form.get('action');
      const search = returnSearch(locale, context.form.get('back'));
      if (!isUserAction(action)) return redirectWithFlash(request, listPath, { state: { data: { notice: 'not-found' } }, status: 400, search });
      const license = context.form.get('license')?.slice(0, 100);
      const result = await performUserAction(context, { userId, action, license, confirmed: context.form.get('confirm') === 'yes', locale, now: context.now });
      switch (result.kind) {
        case 'done':
          return redirectWithFlash(request, listPath, { state: { data: { notice: 'done', action: result.action, email: result.email } }, status: 200, search });
        case 'needs-confirmation':
          return seeOther(request, `${paths.admin.confirmDelete(locale, userId)}?back=${encodeURIComponent(listPath + search)}`);
        case 'not-found':
          return redirectWithFlash(request, listPath, { state: { data: { notice: 'not-found' } }, status: 404, search });
        case 'refused':
          return redirectWithFlash(request, listPath, { state: { data: { notice: 'refused', reason: result.reason } }, status: 409, search });
      }
    },
  );
}
