import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/article/article-list';
import { getArticle } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/** The articles that answer most sign-in problems without a lookup. */
const generalArticles = ['WBX89094', 'WBX75907', 'WBX15', 'pw7r2k'];

/**
 * What a rate-limited form still offers, so a limit is never a dead end: why the
 * limit is there (it protects the account), the general guidance that needs no
 * lookup, the articles and the support contact page.
 */
export async function RateLimitGuidance({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return (
    <section aria-labelledby="while-you-wait" className="mt-6 rounded border border-line px-4 py-3">
      <h2 id="while-you-wait" className="text-xl font-semibold">
        {t('limited.title')}
      </h2>
      <p className="mt-2">{t('limited.protects')}</p>
      <p className="mt-3">{t('unavailable.body')}</p>
      <p className="mt-3">{t('unavailable.csm')}</p>
      <p className="mt-3">
        <a href={paths.supportContact(locale)}>{t('limited.support')}</a>
      </p>
      <h3 className="mt-4 font-semibold">{t('related')}</h3>
      <ArticleList articles={generalArticles.flatMap((id) => getArticle(id, locale) ?? [])} />
    </section>
  );
}
