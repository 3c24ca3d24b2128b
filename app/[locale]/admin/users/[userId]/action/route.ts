import type { z } from 'zod';
import { adminFormRoute } from '@/lib/admin/auth';
import { returnTo, userActionFields, userActionParams, usersFlash } from '@/lib/admin/forms';
import { isUserAction } from '@/lib/admin/rules';
import { performUserAction, undoUserAction } from '@/lib/admin/service';
import type { FlashStatus } from '@/lib/http/flash';
import { seeOther } from '@/lib/http/flash-cookie';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';

/** One action on one user of the administrator's own site. */
export const POST = adminFormRoute({
  params: userActionParams,
  fields: userActionFields,
  onBadRequest: (request, { locale }) => seeOther(request, paths.admin.users(locale)),
  async handle(context) {
    const { request, params: { locale, userId }, fields } = context;
    // Back to the page the form was on: the users list or the reference-code lookup (each reads the same notices).
    const { path: listPath, search } = returnTo(locale, fields.back);
    const back = (state: z.input<typeof usersFlash>, status: FlashStatus) =>
      redirectWithFormFlash(usersFlash, request, listPath, { state, status, search });
    if (fields.action === 'undo' && fields.undo !== undefined) {
      const undone = await undoUserAction(context, { auditId: fields.undo, now: context.now });
      return undone.kind === 'undone'
        ? back({ data: { notice: 'undone', email: undone.email } }, 200)
        : back({ data: { notice: 'undo-refused', reason: undone.reason } }, 409);
    }
    if (!isUserAction(fields.action)) return back({ data: { notice: 'not-found' } }, 400);
    const result = await performUserAction(context, {
      userId,
      action: fields.action,
      license: fields.license,
      confirmed: fields.confirm === 'yes',
      reason: fields.reason,
      locale,
      now: context.now,
    });
    switch (result.kind) {
      case 'done':
        return back({ data: { notice: 'done', action: result.action, email: result.email, undo: result.undo } }, 200);
      case 'needs-confirmation':
        return seeOther(
          request,
          fields.action === 'deactivate' || fields.action === 'remove-license'
            ? paths.admin.confirmAction(locale, userId, { action: fields.action, license: fields.license, back: listPath + search })
            : paths.admin.confirmDelete(locale, userId, listPath + search),
        );
      case 'not-found':
        return back({ data: { notice: 'not-found' } }, 404);
      case 'refused':
        return back({ data: { notice: 'refused', reason: result.reason } }, 409);
    }
  },
});
