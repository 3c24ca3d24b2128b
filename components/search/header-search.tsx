import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

export async function HeaderSearch({ locale, defaultQuery }: { locale: Locale; defaultQuery?: string }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return (
    <form role="search" action={`/${locale}/search`} method="get" className="flex min-w-0 flex-1 basis-64">
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
        className="min-w-0 flex-1 rounded-s border border-line px-3 py-2"
      />
      <button type="submit" className="rounded-e bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-strong">
        {t('submit')}
      </button>
    </form>
  );
}
