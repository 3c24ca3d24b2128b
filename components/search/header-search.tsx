import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { maxQueryLength } from '@/lib/search/query';
import { SearchCombobox } from './search-combobox';
import { paths } from '@/lib/paths';

const suggestionLimit = 6;

/** The search box in every page's header: a plain GET form, enhanced into a combobox by JavaScript. */
export async function HeaderSearch({ locale, defaultQuery }: { locale: Locale; defaultQuery?: string }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  const ta = await getTranslations({ locale, namespace: 'Article' });
  return (
    <form role="search" action={paths.search(locale)} method="get" className="search-form">
      <label htmlFor="site-search" className="sr-only">
        {t('label')}
      </label>
      <SearchCombobox
        inputId="site-search"
        locale={locale}
        defaultQuery={defaultQuery}
        maxLength={maxQueryLength}
        limit={suggestionLimit}
        labels={{
          placeholder: t('placeholder'),
          suggestions: t('suggestions'),
          keyboardHint: t('keyboardHint'),
          seeAll: t('seeAll', { query: '\u0000' }),
          counts: Array.from({ length: suggestionLimit + 1 }, (_, count) => t('resultCount', { count })),
          audience: { host: ta('audience.host'), admin: ta('audience.admin') },
        }}
      />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
