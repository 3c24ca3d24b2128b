import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleHeader } from '@/components/article/article-header';
import { FeedbackWidget } from '@/components/article/feedback-widget';
import { ArticleList } from '@/components/article/article-list';
import { ArticleNotices } from '@/components/article/article-notices';
import { JsonLd } from '@/components/article/json-ld';
import { TableOfContents } from '@/components/article/table-of-contents';
import { PageShell } from '@/components/layout/page-shell';
import { absoluteUrl } from '@/lib/config/env';
import { findArticleId, getArticle, getCatalog } from '@/lib/content';
import { loadArticleBody } from '@/lib/content/body';
import { maxCommentLength } from '@/lib/feedback/constants';
import {
  getArticleCanonicalPath,
  getArticleLanguageAlternates,
  getArticleSwitcherPaths,
} from '@/lib/content/metadata';
import { locales } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Params = Promise<{ locale: string; id: string; slug?: string[] }>;

// Unknown IDs render on demand into the localized 404; wrong case or slug redirect.
export const dynamicParams = true;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  const locale = parseLocaleParam(params.locale);
  return getCatalog().ids.map((id) => ({ id, slug: [getArticle(id, locale)!.entry.slug] }));
}

function resolve(localeParam: string, idParam: string) {
  const locale = parseLocaleParam(localeParam);
  const id = findArticleId(decodeURIComponent(idParam));
  const article = id ? getArticle(id, locale) : undefined;
  return { locale, article };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: localeParam, id: idParam } = await params;
  const { locale, article } = resolve(localeParam, idParam);
  if (!article) return {};
  const t = await getTranslations({ locale, namespace: 'Meta' });
  const { entry } = article;
  return {
    title: entry.title,
    description: entry.summary,
    alternates: {
      canonical: getArticleCanonicalPath(article),
      languages: getArticleLanguageAlternates(article),
    },
    openGraph: {
      type: 'article',
      siteName: t('siteName'),
      title: entry.title,
      description: entry.summary,
      url: article.path,
      locale: entry.locale,
      modifiedTime: entry.updated,
    },
    robots: article.isFallback ? { index: false, follow: true } : undefined,
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale: localeParam, id: idParam, slug } = await params;
  const { locale, article } = resolve(localeParam, idParam);
  if (!article) notFound();
  if (idParam !== article.id || slug?.length !== 1 || slug[0] !== article.entry.slug) {
    permanentRedirect(article.path);
  }
  setRequestLocale(locale);

  const t = await getTranslations('Article');
  const tf = await getTranslations('Feedback');
  const Body = await loadArticleBody(article.entry);
  const { entry } = article;
  const related = entry.related.flatMap((id) => getArticle(id, locale) ?? []);
  const bodyLang = article.isFallback ? { lang: entry.locale, dir: 'ltr' as const } : {};

  return (
    <PageShell locale={locale} alternates={getArticleSwitcherPaths(article.id, locales)}>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@graph': [
            {
              '@type': 'TechArticle',
              headline: entry.title,
              description: entry.summary,
              identifier: article.id,
              inLanguage: entry.locale,
              dateModified: entry.updated,
              url: absoluteUrl(article.path),
              audience: { '@type': 'Audience', audienceType: t(`audience.${entry.audience}`) },
            },
            {
              '@type': 'BreadcrumbList',
              itemListElement: [
                { '@type': 'ListItem', position: 1, name: t('home'), item: absoluteUrl(paths.home(locale)) },
                { '@type': 'ListItem', position: 2, name: entry.title, item: absoluteUrl(article.path) },
              ],
            },
          ],
        }}
      />
      <article className="article-layout">
        <ArticleHeader article={article} locale={locale} />
        {entry.headings.length >= 3 && (
          <TableOfContents headings={entry.headings} label={t('onThisPage')} {...bodyLang} />
        )}
        <div className="article-body min-w-0">
          <ArticleNotices article={article} locale={locale} />
          <div className="prose-article mt-6" {...bodyLang}>
            <Body />
          </div>
          <FeedbackWidget
            voteUrl={paths.feedback.vote(locale, article.id)}
            commentUrl={paths.feedback.comment(locale, article.id)}
            maxLength={maxCommentLength}
            labels={{
              question: tf('question'),
              yes: tf('yes'),
              no: tf('no'),
              thanks: tf('thanks'),
              commentLabel: tf('commentLabel'),
              commentHint: tf('commentHint'),
              send: tf('send'),
              commentThanks: tf('commentThanks'),
            }}
          />
          {related.length > 0 && (
            <section aria-labelledby="related" className="mt-12">
              <h2 id="related" className="text-xl font-semibold">
                {t('related')}
              </h2>
              <ArticleList articles={related} />
            </section>
          )}
        </div>
      </article>
    </PageShell>
  );
}
