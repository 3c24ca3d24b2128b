import { ArticleList } from '@/components/article/article-list';
import { getEssentialArticles } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';

/** The articles people need most, offered where a search or a link led nowhere. */
export function EssentialArticles({ locale, heading }: { locale: Locale; heading: string }) {
  return (
    <section aria-labelledby="popular" className="mt-10 max-w-2xl">
      <h2 id="popular" className="text-xl font-semibold">
        {heading}
      </h2>
      <ArticleList articles={getEssentialArticles(locale)} />
    </section>
  );
}
