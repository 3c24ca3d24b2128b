import { useLocale, useTranslations } from 'next-intl';
import { Fragment, type ComponentProps, type ReactNode } from 'react';
import { getArticle } from '@/lib/content';
import { getTextAttributes, type Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/**
 * The components article authors use in MDX. They render on the server only:
 * an article costs no client JavaScript.
 */

/** `<ArticleLink id="WBX75907" />`: a link to another article, titled in the reader's language. */
export function ArticleLink({ id }: { id: string }) {
  const locale = useLocale();
  const article = getArticle(id, locale);
  // The content check rejects unknown IDs at build time; this only guards a stale build.
  if (!article) return <span>{id}</span>;
  return (
    <a href={article.path} {...getTextAttributes(article.entry.locale, locale)}>
      {article.entry.title}
    </a>
  );
}

const portalPaths = {
  home: paths.home,
  'sign-in-help': paths.signInHelp.start,
  'forgot-password': paths.forgotPassword.form,
  'support-contact': paths.supportContact,
  search: (locale: Locale) => paths.search(locale),
} as const satisfies Record<string, (locale: Locale) => string>;

/** `<PortalLink to="sign-in-help">sign-in help</PortalLink>`: a link to a page of this portal, in the reader's locale. */
export function PortalLink({ to, children }: { to: keyof typeof portalPaths; children: ReactNode }) {
  const locale = useLocale();
  // An unknown `to` in an article links home rather than breaking the page.
  return <a href={(portalPaths[to] ?? paths.home)(locale)}>{children}</a>;
}

const calloutStyles = {
  note: 'border-brand bg-brand-wash',
  tip: 'border-ok bg-ok-wash',
  warning: 'border-warn bg-warn-wash',
} as const;

/** `<Callout type="warning" title="…">…</Callout>` */
export function Callout({
  type = 'note',
  title,
  children,
}: {
  type?: keyof typeof calloutStyles;
  title?: string;
  children: ReactNode;
}) {
  const t = useTranslations('Callout');
  return (
    <aside className={`rounded border-s-4 px-4 py-3 ${calloutStyles[type] ?? calloutStyles.note}`}>
      <p className="font-semibold">{title ?? t(type)}</p>
      <div className="[&>p]:mt-1">{children}</div>
    </aside>
  );
}

/** `<Steps>` around a numbered Markdown list: larger, numbered procedure steps. */
export function Steps({ children }: { children: ReactNode }) {
  return <div className="steps rounded border border-line bg-wash/50 px-4 py-3 [&_ol]:space-y-2">{children}</div>;
}

/** `<UiPath>Support > Contact Us</UiPath>`: a menu path, kept in reading order in any direction. */
export function UiPath({ children }: { children: ReactNode }) {
  const parts = typeof children === 'string' ? children.split('>').map((part) => part.trim()) : null;
  if (!parts) return <kbd className="font-semibold">{children}</kbd>;
  return (
    <span dir="auto" className="ui-path">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <span aria-hidden="true">›</span>}
          <bdi>{part}</bdi>
        </Fragment>
      ))}
    </span>
  );
}

type StaticImage = { src: string; width: number; height: number };

/** `<Figure src={image} alt="…" caption="…" />` with the image imported in the MDX file. */
export function Figure({ src, alt, caption }: { src: StaticImage | string; alt: string; caption?: string }) {
  const image = typeof src === 'string' ? { src, width: undefined, height: undefined } : src;
  return (
    <figure className="my-6">
      <img
        src={image.src}
        width={image.width}
        height={image.height}
        alt={alt}
        loading="lazy"
        decoding="async"
        className="h-auto max-w-full rounded border border-line bg-paper p-2"
      />
      {caption && <figcaption className="mt-2 text-sm text-muted">{caption}</figcaption>}
    </figure>
  );
}

/** Tables scroll sideways on a phone instead of overflowing the page. */
export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="overflow-x-auto">
      <table {...props} />
    </div>
  );
}
