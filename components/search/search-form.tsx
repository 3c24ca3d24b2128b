import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { maxQueryLength } from '@/lib/search/query';
import { paths } from '@/lib/paths';

/**
 * A plain search form for the body of a page (the results page, the 404 page, the
 * "something else" outcome): a GET to the results page that works without JavaScript.
 */
export async function SearchForm({
  locale,
  inputId,
  defaultQuery,
  className,
  label,
  errorId,
}: {
  locale: Locale;
  inputId: string;
  defaultQuery?: string;
  className?: string;
  /** The form's accessible name, when the page has more than one search form. */
  label?: string;
  /** The id of a message saying what is wrong with the query shown. */
  errorId?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return (
    <form role="search" aria-label={label} action={paths.search(locale)} method="get" className={`search-form ${className ?? ''}`}>
      <label htmlFor={inputId} className="sr-only">
        {t('label')}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        defaultValue={defaultQuery}
        placeholder={t('placeholder')}
        maxLength={maxQueryLength}
        aria-describedby={errorId}
        aria-invalid={errorId ? true : undefined}
      />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
