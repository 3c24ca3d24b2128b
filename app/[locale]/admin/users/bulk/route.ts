import { adminFormRoute } from '@/lib/admin/auth';
import { adminParams, bulkFields, bulkUserIds, returnSearch, usersFlash } from '@/lib/admin/forms';
import { isBulkAction } from '@/lib/admin/rules';
import { performBulkAction } from '@/lib/admin/service';
import { seeOther } from '@/lib/http/flash-cookie';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';

/** One action on the users selected in the list (checkboxes named `user`); deactivating asks first. */
export const POST = adminFormRoute({
  params: adminParams,
  fields: bulkFields,
  onBadRequest: (request, { locale }) => seeOther(request, paths.admin.users(locale)),
  async handle(context) {
    const { request, params: { locale }, fields } = context;
    const listPath = paths.admin.users(locale);
    const search = returnSearch(locale, fields.back);
    if (!isBulkAction(fields.action)) return redirectWithFormFlash(usersFlash, request, listPath, { state: { data: { notice: 'bulk-empty' } }, status: 400, search });
    const userIds = bulkUserIds(context.form);
    const result = await performBulkAction(context, { userIds, action: fields.action, confirmed: fields.confirm === 'yes', reason: fields.reason, locale, now: context.now });
    switch (result.kind) {
      case 'needs-confirmation':
        return seeOther(request, paths.admin.confirmBulk(locale, { action: fields.action, users: userIds, back: listPath + search }));
      case 'empty':
        return redirectWithFormFlash(usersFlash, request, listPath, { state: { data: { notice: 'bulk-empty' } }, status: 400, search });
      case 'done':
        return redirectWithFormFlash(usersFlash, request, listPath, {
          state: { data: { notice: 'bulk-done', action: result.action, done: result.done, skipped: result.skipped } },
          status: 200,
          search,
        });
    }
  },
});
