import { localeNames, locales, type Locale } from '@/lib/i18n/locales';

/** A disclosure of plain links: works without JavaScript and keeps the reader on the same page. */
export function LocaleSwitcher({
  locale,
  alternates,
  label,
}: {
  locale: Locale;
  alternates: Record<Locale, string>;
  label: string;
}) {
  return (
    <details className="locale-menu relative">
      <summary>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
        <span className="sr-only">{label}: </span>
        <span lang={locale}>{localeNames[locale]}</span>
      </summary>
      <ul>
        {locales.map((l) => (
          <li key={l}>
            <a
              href={alternates[l]}
              hrefLang={l}
              lang={l}
              aria-current={l === locale ? 'true' : undefined}
            >
              {localeNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
