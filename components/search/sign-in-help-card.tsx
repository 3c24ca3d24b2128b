import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

/** Shown with the results of a sign-in-like question: the way to sign-in help, which checks the account itself. */
export async function SignInHelpCard({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return (
    <section aria-labelledby="sign-in-help-card" className="mt-8 max-w-2xl rounded-lg border-2 border-brand bg-brand-wash p-6">
      <h2 id="sign-in-help-card" className="text-xl font-semibold">
        {t('signInCardTitle')}
      </h2>
      <p className="mt-2">{t('signInCardBody')}</p>
      <a href={`/${locale}/sign-in-help`} className="btn-primary mt-4 inline-block">
        {t('signInCardCta')}
      </a>
    </section>
  );
}
