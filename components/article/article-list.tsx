import type { ResolvedArticle } from '@/lib/content';

export function ArticleList({ articles }: { articles: ResolvedArticle[] }) {
  return (
    <ul className="mt-3 divide-y divide-line border-y border-line">
      {articles.map((article) => (
        <li key={article.id} className="py-3">
          <a href={article.path} className="font-semibold" lang={article.isFallback ? 'en' : undefined}>
            {article.entry.title}
          </a>
          <p className="mt-0.5 text-sm text-muted" lang={article.isFallback ? 'en' : undefined}>
            {article.entry.summary}
          </p>
        </li>
      ))}
    </ul>
  );
}
