import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  return (
    <footer role="contentinfo" className="mt-12 border-t border-line bg-wash">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-muted sm:px-6">
        <a href={`/${locale}/sign-in-help`}>{t('signInHelp')}</a>
        <a href={`/${locale}/forgot-password`}>{t('forgotPassword')}</a>
        <a href={`/${locale}/support/contact`}>{t('contact')}</a>
        <a href={`/${locale}/admin`}>{t('admin')}</a>
        <span className="ms-auto">{t('tagline')}</span>
      </div>
    </footer>
  );
}
