import type { z } from 'zod';
import { adminFormRoute } from '@/lib/admin/auth';
import type { FlashStatus } from '@/lib/http/flash';
import { seeOther } from '@/lib/http/flash-cookie';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';
import { decideFields, decideParams, requestsFlash } from '@/lib/reactivation/forms';
import { approveRequest, declineRequest } from '@/lib/reactivation/service';

/** Reactivate or Decline, on a reactivation request of the administrator's own site. */
export const POST = adminFormRoute({
  params: decideParams,
  fields: decideFields,
  onBadRequest: (request, { locale }) => seeOther(request, paths.admin.requests(locale)),
  async handle(context) {
    const { request, params: { locale, requestId }, fields, now } = context;
    const back = (state: z.input<typeof requestsFlash>, status: FlashStatus) => redirectWithFormFlash(requestsFlash, request, paths.admin.requests(locale), { state, status });
    const result =
      fields.decision === 'approve' ? await approveRequest(context, { requestId, now }) : await declineRequest(context, { requestId, reason: fields.reason ?? '', now });
    switch (result.kind) {
      case 'approved':
        return back({ data: { notice: 'approved', email: result.email } }, 200);
      case 'declined':
        return back({ data: { notice: 'declined', email: result.email } }, 200);
      case 'refused':
        return back({ data: { notice: 'refused', email: result.email } }, 409);
      case 'settled':
        return back({ data: { notice: 'settled' } }, 409);
      case 'reason-missing':
        return back({ data: { notice: 'reason-missing' } }, 400);
    }
  },
});
