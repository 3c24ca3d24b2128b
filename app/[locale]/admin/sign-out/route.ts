import { handleAdminPost, signOut } from '@/lib/admin/auth';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** Sign-out ends the session on the server, not only in the browser. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return handleAdminPost(
    request,
    locale,
    () => seeOther(request, paths.admin.signIn(locale)),
    async () => signOut(request, redirectWithFlash(request, paths.admin.signIn(locale), { state: { data: { notice: 'signed-out' } }, status: 200 })),
  );
}
