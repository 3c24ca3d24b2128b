import { NextResponse } from 'next/server';
import { auditFilterFrom } from '@/lib/admin/audit-filter';
import { describeAuditChange } from '@/lib/admin/audit-view';
import { currentAdmin, internalHeader } from '@/lib/admin/auth';
import { csvDownload, toCsv } from '@/lib/admin/csv';
import { listAudit } from '@/lib/admin/repository';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** The audit log of the administrator's site as CSV, filtered as the page is; times in UTC. Reading needs a current session. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const context = request.headers.has(internalHeader) ? undefined : await currentAdmin();
  if (!context) return NextResponse.redirect(new URL(paths.admin.signIn(locale), request.url), 303);

  const filter = auditFilterFrom(Object.fromEntries(new URL(request.url).searchParams));
  const entries = await listAudit(context.db, context.admin.site.id, filter, { offset: 0, limit: 100_000 });
  const rows = [
    ['time_utc', 'actor', 'action', 'target', 'change', 'reason'],
    ...entries.map((entry) => [
      entry.createdAt.toISOString(),
      entry.actorLabel,
      entry.action,
      entry.targetLabel,
      describeAuditChange(entry.details) || null,
      typeof entry.details.reason === 'string' ? entry.details.reason : null,
    ]),
  ];
  return csvDownload(toCsv(rows), `signpost-audit-${context.admin.site.slug}-${new Date().toISOString().slice(0, 10)}.csv`);
}
