import { adminFormRoute, signOut } from '@/lib/admin/auth';
import { adminParams, noFields, signInFlash } from '@/lib/admin/forms';
import { seeOther } from '@/lib/http/flash-cookie';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';

/** Sign-out ends the session on the server, not only in the browser. */
export const POST = adminFormRoute({
  params: adminParams,
  fields: noFields,
  onBadRequest: (request, { locale }) => seeOther(request, paths.admin.signIn(locale)),
  handle: async ({ request, params: { locale } }) =>
    signOut(request, redirectWithFormFlash(signInFlash, request, paths.admin.signIn(locale), { state: { data: { notice: 'signed-out' } }, status: 200 })),
});
