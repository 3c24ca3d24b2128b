import type { ResolvedArticle } from '@/lib/content';

export function ArticleList({ articles }: { articles: ResolvedArticle[] }) {
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <a href={article.path} lang={article.isFallback ? 'en' : undefined}>
            {article.entry.title}
          </a>
          <p lang={article.isFallback ? 'en' : undefined}>
            {article.entry.summary}
          </p>
        </li>
      ))}
    </ul>
  );
}
