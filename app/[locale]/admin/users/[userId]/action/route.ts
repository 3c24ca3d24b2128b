import type { z } from 'zod';
import { adminFormRoute } from '@/lib/admin/auth';
import { userActionFields, userActionParams, usersFlash } from '@/lib/admin/forms';
import { isUserAction } from '@/lib/admin/rules';
import { performUserAction } from '@/lib/admin/service';
import type { FlashStatus } from '@/lib/http/flash';
import { seeOther } from '@/lib/http/flash-cookie';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/** Where to return after an action: the users list with the filters it had, and nothing else. */
function returnSearch(locale: Locale, back: string | undefined): string {
  const base = paths.admin.users(locale);
  if (!back?.startsWith(base)) return '';
  const search = back.slice(base.length);
  return /^\?[\w=&%.+-]{0,300}$/.test(search) ? search : '';
}

/** One action on one user of the administrator's own site. */
export const POST = adminFormRoute({
  params: userActionParams,
  fields: userActionFields,
  onBadRequest: (request, { locale }) => seeOther(request, paths.admin.users(locale)),
  async handle(context) {
    const { request, params: { locale, userId }, fields } = context;
    const listPath = paths.admin.users(locale);
    const search = returnSearch(locale, fields.back);
    const back = (state: z.input<typeof usersFlash>, status: FlashStatus) =>
      redirectWithFormFlash(usersFlash, request, listPath, { state, status, search });
    if (!isUserAction(fields.action)) return back({ data: { notice: 'not-found' } }, 400);
    const result = await performUserAction(context, { userId, action: fields.action, license: fields.license, confirmed: fields.confirm === 'yes', locale, now: context.now });
    switch (result.kind) {
      case 'done':
        return back({ data: { notice: 'done', action: result.action, email: result.email } }, 200);
      case 'needs-confirmation':
        return seeOther(request, paths.admin.confirmDelete(locale, userId, listPath + search));
      case 'not-found':
        return back({ data: { notice: 'not-found' } }, 404);
      case 'refused':
        return back({ data: { notice: 'refused', reason: result.reason } }, 409);
    }
  },
});
