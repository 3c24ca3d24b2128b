import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  return (
    <footer role="contentinfo" className="site-footer">
      <div className="page-width">
        <a href={paths.signInHelp.start(locale)}>{t('signInHelp')}</a>
        <a href={paths.forgotPassword.form(locale)}>{t('forgotPassword')}</a>
        <a href={paths.supportContact(locale)}>{t('contact')}</a>
        <a href={paths.admin.home(locale)}>{t('admin')}</a>
        <span className="ms-auto">{t('tagline')}</span>
      </div>
    </footer>
  );
}
