import { getLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { PageShell } from '@/components/layout/page-shell';
import { getLocalePaths } from '@/lib/i18n/alternates';

// A safety net for notFound() calls the proxy did not anticipate. Next 16.3+ sends
// this boundary only in the flight data (vercel/next.js#62228), so the proxy
// answers unknown paths with app/[locale]/page-not-found instead.
export default async function LocaleNotFound() {
  const locale = await getLocale();
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/')}>
      <NotFoundContent locale={locale} />
    </PageShell>
  );
}
