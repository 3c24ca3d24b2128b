import { getTranslations } from 'next-intl/server';
import type { ArticleSearchResult } from '@/lib/search/engine';
import { getTextAttributes, type Locale } from '@/lib/i18n/locales';
import { Snippet } from './snippet';

export async function SearchResults({ results, locale }: { results: ArticleSearchResult[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  const ta = await getTranslations({ locale, namespace: 'Article' });
  return (
    <ol className="article-list">
      {results.map((result) => {
        const text = getTextAttributes(result.locale, locale);
        return (
          <li key={result.id}>
            <a href={result.url} {...text} className="text-lg">
              {result.title}
            </a>
            <div className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted">
              <span>
                {t('articleId')} <code className="code-token">{result.id}</code>
              </span>
              <span>{ta(`audience.${result.audience}`)}</span>
              {result.isFallback && <span>{t('inEnglish')}</span>}
            </div>
            <Snippet segments={result.snippet} {...text} />
          </li>
        );
      })}
    </ol>
  );
}
