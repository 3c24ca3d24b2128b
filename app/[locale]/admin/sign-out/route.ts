import { handleAdminPost, signOut } from '@/lib/admin/auth';
import { adminPaths } from '@/lib/admin/paths';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';

/** Sign-out ends the session on the server, not only in the browser. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return handleAdminPost(
    request,
    locale,
    () => seeOther(request, adminPaths.signIn(locale)),
    async () => signOut(request, redirectWithFlash(request, adminPaths.signIn(locale), { state: { data: { notice: 'signed-out' } }, status: 200 })),
  );
}
