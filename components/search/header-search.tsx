import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

export async function HeaderSearch({ locale, defaultQuery }: { locale: Locale; defaultQuery?: string }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return (
    <form role="search" action={`/${locale}/search`} method="get" className="search-form">
      <label htmlFor="site-search" className="sr-only">
        {t('label')}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultQuery}
        placeholder={t('placeholder')}
        maxLength={500}
        autoComplete="off"
      />
      <button type="submit">
        {t('submit')}
      </button>
    </form>
  );
}
