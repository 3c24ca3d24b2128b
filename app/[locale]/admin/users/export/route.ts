import { NextResponse } from 'next/server';
import { listUsers } from '@/lib/accounts/repository';
import { currentAdmin, internalHeader } from '@/lib/admin/auth';
import { csvDownload, usersCsv } from '@/lib/admin/csv';
import { userFilterFrom } from '@/lib/admin/forms';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** Every user of the administrator's site that the list's filter shows, as CSV. Reading needs a current session. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const context = request.headers.has(internalHeader) ? undefined : await currentAdmin();
  if (!context) return NextResponse.redirect(new URL(paths.admin.signIn(locale), request.url), 303);

  const filter = userFilterFrom(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listUsers(context.db, context.admin.site.id, { status: filter.status, query: filter.query }, { offset: 0, limit: 100_000 });
  const now = new Date();
  return csvDownload(usersCsv(rows), `signpost-users-${context.admin.site.slug}-${now.toISOString().slice(0, 10)}.csv`);
}
