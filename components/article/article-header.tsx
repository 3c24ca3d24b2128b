import { getTranslations } from 'next-intl/server';
import type { ResolvedArticle } from '@/lib/content';
import { absoluteUrl } from '@/lib/config/env';
import { getTextAttributes, type Locale } from '@/lib/i18n/locales';
import { Phrased } from '@/components/ui/phrased';
import { ArticleLinks } from './article-links';
import { CopyLinkButton } from './copy-link-button';
import { paths } from '@/lib/paths';

export async function ArticleHeader({ article, locale }: { article: ResolvedArticle; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  const { entry } = article;
  const text = getTextAttributes(entry.locale, locale);

  return (
    <header>
      <nav aria-label={t('breadcrumbLabel')} className="text-sm text-muted">
        <ol className="flex flex-wrap items-center gap-x-2">
          <li>
            <a href={paths.home(locale)}>{t('home')}</a>
          </li>
          <li aria-hidden="true">/</li>
          <li>{t(`audience.${entry.audience}`)}</li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" {...text} className="truncate">
            {entry.title}
          </li>
        </ol>
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-balance sm:text-4xl" {...text}>
        <Phrased text={entry.title} />
      </h1>
      <p className="mt-3 text-lg text-muted" {...text}>
        {entry.summary}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <span className="inline-flex items-center gap-2">
          <span className="whitespace-nowrap text-muted">{t('articleId')}</span>
          <code className="code-token rounded bg-wash px-2 py-0.5 font-semibold">{article.id}</code>
          <CopyLinkButton
            url={absoluteUrl(paths.article(locale, article.id))}
            labels={{ copy: t('copyLink'), copied: t('linkCopied'), failed: t('copyFailed') }}
          />
        </span>
        <ArticleLinks article={article} locale={locale} />
        <span className="text-muted">{t('updated', { date: new Date(`${entry.updated}T00:00:00Z`) })}</span>
        <span className="rounded-full bg-brand-wash px-3 py-0.5 text-brand-strong">{t(`audience.${entry.audience}`)}</span>
      </div>
      {entry.errors.length > 0 && (
        <div className="mt-5 rounded border border-line bg-wash px-4 py-3">
          <p className="font-semibold">{t('errorsIntro')}</p>
          <ul className="mt-1 space-y-1">
            {entry.errors.map((error) => (
              <li key={error}>
                {/* The quote marks are the page's (its language and direction); the product's message inside is isolated. */}
                <q className="font-medium">
                  <bdi {...getErrorTextAttributes(error, text.lang)}>{error}</bdi>
                </q>
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}

/**
 * An error string is quoted as the product shows it, often in English inside a
 * translation (the product may not be localized): in a page written in another
 * script, a string with no letters of that script is marked English.
 */
function getErrorTextAttributes(error: string, fallbackLang: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' | 'auto' } {
  if (fallbackLang) return { lang: fallbackLang, dir: 'ltr' };
  return /^[\p{Script=Latin}\p{P}\p{Zs}\p{N}]+$/u.test(error) ? { lang: 'en', dir: 'ltr' } : { dir: 'auto' };
}
