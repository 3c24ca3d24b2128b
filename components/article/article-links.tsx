import { getTranslations } from 'next-intl/server';
import type { ResolvedArticle } from '@/lib/content';
import { absoluteUrl } from '@/lib/config/env';
import { localeNames, type Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';
import { CopyLinkButton } from './copy-link-button';

/**
 * "Copy link in…": the article's permanent link in each language it is written
 * in, and the language-neutral short link (`/{ID}`, which opens in the reader's
 * language). Plain links in a disclosure, so it works without JavaScript; with
 * it, each link also gets a copy button.
 */
export async function ArticleLinks({ article, locale }: { article: ResolvedArticle; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Article' });
  const labels = { copy: t('copy'), copied: t('linkCopied'), failed: t('copyFailed') };
  const rows = [
    ...article.translatedLocales.map((l) => ({
      key: l,
      label: <span lang={l}>{localeNames[l]}</span>,
      url: absoluteUrl(paths.article(l, article.id)),
      hrefLang: l as string | undefined,
      copyName: t('copyLinkFor', { language: localeNames[l] }),
    })),
    {
      key: 'short',
      label: <span>{t('shortLink')}</span>,
      url: absoluteUrl(`/${article.id}`),
      hrefLang: undefined,
      copyName: t('copyShortLink'),
    },
  ];
  return (
    <details className="link-menu no-print" data-testid="article-links">
      <summary>{t('copyLinkIn')}</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            {row.label}
            <a href={row.url} hrefLang={row.hrefLang} dir="ltr" className="link-url">
              {row.url}
            </a>
            <CopyLinkButton url={row.url} labels={labels} accessibleName={row.copyName} />
          </li>
        ))}
      </ul>
    </details>
  );
}
