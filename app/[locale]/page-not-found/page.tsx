import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { PageShell } from '@/components/layout/page-shell';
import { articleIdPattern } from '@/lib/content/schema';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ article?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The 404 page. The proxy rewrites unknown paths here and sets the status to 404. */
export default async function PageNotFound({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  const { article } = await searchParams;
  const articleId = typeof article === 'string' && articleIdPattern.test(article) ? article : undefined;
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/')}>
      <NotFoundContent locale={locale} articleId={articleId} />
    </PageShell>
  );
}
