import type { ResolvedArticle } from '@/lib/content';
import { getTextAttributes } from '@/lib/i18n/locales';

export function ArticleList({ articles }: { articles: ResolvedArticle[] }) {
  return (
    <ul className="article-list">
      {articles.map((article) => {
        // English in place of a missing translation: isolated, so an Arabic page keeps its "?" where English puts it.
        const text = getTextAttributes(article.entry.locale, article.requestedLocale);
        return (
          <li key={article.id}>
            <a href={article.path} {...text}>
              {article.entry.title}
            </a>
            <p {...text}>{article.entry.summary}</p>
          </li>
        );
      })}
    </ul>
  );
}
