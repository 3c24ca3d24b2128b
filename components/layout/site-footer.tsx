import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  return (
    <footer role="contentinfo" className="site-footer">
      <div className="page-width">
        <a href={`/${locale}/sign-in-help`}>{t('signInHelp')}</a>
        <a href={`/${locale}/forgot-password`}>{t('forgotPassword')}</a>
        <a href={`/${locale}/support/contact`}>{t('contact')}</a>
        <a href={`/${locale}/admin`}>{t('admin')}</a>
        <span className="ms-auto">{t('tagline')}</span>
      </div>
    </footer>
  );
}
