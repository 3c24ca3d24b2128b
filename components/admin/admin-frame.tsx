import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import type { SiteAdminRecord } from '@/lib/accounts/types';
import { getLocalePaths } from '@/lib/i18n/alternates';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

export type AdminSection = 'users' | 'requests' | 'contact' | 'diagnosis' | 'report' | 'audit' | 'mail';

/** Every signed-in admin page: which site, who, the sections, sign-out, then the page's own heading and content. */
export async function AdminFrame({
  locale,
  context,
  section,
  title,
  path,
  children,
}: {
  locale: Locale;
  /** The signed-in administrator and the session's anti-forgery token (an AdminContext fits). */
  context: { admin: SiteAdminRecord; csrfToken: string; pendingRequests?: number };
  section: AdminSection;
  title: string;
  /** The page's path after the locale, for the language switcher. */
  path: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const sections: Array<{ id: AdminSection; href: string }> = [
    { id: 'users', href: paths.admin.users(locale) },
    { id: 'requests', href: paths.admin.requests(locale) },
    { id: 'contact', href: paths.admin.contact(locale) },
    { id: 'diagnosis', href: paths.admin.diagnosis(locale) },
    { id: 'report', href: paths.admin.report(locale) },
    { id: 'audit', href: paths.admin.audit(locale) },
    { id: 'mail', href: paths.admin.mail(locale) },
  ];
  return (
    <PageShell locale={locale} alternates={getLocalePaths(path)}>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
        <p className="text-sm text-muted">
          <span className="font-semibold text-ink">{t('title')}</span> ·{' '}
          {t('siteLine', { site: context.admin.site.name, email: context.admin.email })}
        </p>
        <form method="post" action={paths.admin.signOut(locale)}>
          <input type="hidden" name="csrf" value={context.csrfToken} />
          <button type="submit" className="rounded border border-line px-3 py-1 text-sm hover:bg-wash">
            {t('signOut')}
          </button>
        </form>
      </div>
      <nav aria-label={t('nav.label')} className="mt-3">
        <ul className="flex flex-wrap gap-1">
          {sections.map((item) => (
            <li key={item.id}>
              <a
                href={item.href}
                aria-current={item.id === section ? 'page' : undefined}
                className={`block rounded px-3 py-2 no-underline ${item.id === section ? 'bg-brand text-on-brand' : 'text-brand-strong hover:bg-brand-wash'}`}
              >
                {t(`nav.${item.id}`)}
                {item.id === 'requests' && (context.pendingRequests ?? 0) > 0 && (
                  <span className="ms-2 rounded-full border border-current px-2 text-sm">{t('nav.pending', { count: context.pendingRequests ?? 0 })}</span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 className="mt-6 text-3xl font-bold tracking-tight">{title}</h1>
      {children}
    </PageShell>
  );
}

/** A notice after a form: success (status) or a problem (alert). */
export function Notice({ tone, children }: { tone: 'ok' | 'problem'; children: ReactNode }) {
  return tone === 'ok' ? (
    <p role="status" className="mt-6 rounded border-s-4 border-ok bg-ok-wash px-4 py-3">
      {children}
    </p>
  ) : (
    <p role="alert" className="mt-6 rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
      {children}
    </p>
  );
}
