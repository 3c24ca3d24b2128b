import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageShell } from '@/components/layout/page-shell';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Every sign-in help page: where you are ("Step 2 of 3", also as a bar), the
 * step's question as the page's only h1, then the step.
 */
export async function SignInHelpFrame({
  locale,
  alternates,
  step,
  title,
  children,
}: {
  locale: Locale;
  alternates: Record<Locale, string>;
  step: { current: number; total: number };
  title: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  return (
    <PageShell locale={locale} alternates={alternates}>
      <div className="mx-auto max-w-2xl">
        <p className="text-sm font-semibold text-muted">
          {t('title')} · {t('progress', step)}
        </p>
        <div aria-hidden="true" className="mt-2 flex gap-1">
          {Array.from({ length: step.total }, (_, index) => (
            <span key={index} className={`h-1.5 flex-1 rounded-full ${index < step.current ? 'bg-brand' : 'bg-line'}`} />
          ))}
        </div>
        <h1 className="mt-6 text-3xl font-bold tracking-tight text-balance">{title}</h1>
        {children}
      </div>
    </PageShell>
  );
}
