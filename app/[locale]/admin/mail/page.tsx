import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame } from '@/components/admin/admin-frame';
import { requireAdmin } from '@/lib/admin/auth';
import { localeNames } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { parseLocaleParam } from '@/lib/i18n/params';
import { listUndelivered, maxSendAttempts } from '@/lib/mail/mailer';

type Props = { params: Promise<{ locale: string }> };

const kindKeys: Record<string, keyof Messages['Admin']['mail']['kinds']> = {
  verification: 'verification',
  'password-reset': 'passwordReset',
  'contact-details': 'contactDetails',
  reactivated: 'reactivated',
  'reactivation-confirm': 'reactivationConfirm',
  'reactivation-request': 'reactivationRequest',
  'reactivation-declined': 'reactivationDeclined',
  'reactivation-expired': 'reactivationExpired',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.mail' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Email to this site's users that the relay has not accepted: still being retried, or given up
 * on. Every email goes through the outbox (lib/mail/mailer.ts), so this is the whole of it.
 */
export default async function AdminMail({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin.mail');
  const format = await getFormatter();
  const messages = await listUndelivered(context.db, context.admin.site.id);

  return (
    <AdminFrame locale={locale} context={context} section="mail" title={t('title')} path="/admin/mail">
      <p className="mt-2 max-w-3xl text-muted">{t('intro', { attempts: maxSendAttempts })}</p>
      {messages.length === 0 ? (
        <p role="status" className="mt-6 text-muted">
          {t('empty')}
        </p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-start">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr className="border-b-2 border-line text-sm">
                <th scope="col" className="py-2 pe-4 text-start">{t('when')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('to')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('kind')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('language')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('attempts')}</th>
                <th scope="col" className="py-2 pe-4 text-start">{t('status')}</th>
                <th scope="col" className="py-2 text-start">{t('answer')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} className="border-b border-line align-top">
                  <td className="py-2 pe-4 whitespace-nowrap">{format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</td>
                  <th scope="row" className="py-2 pe-4 text-start font-normal break-all" dir="ltr">
                    {message.to}
                  </th>
                  <td className="py-2 pe-4">{t(`kinds.${kindKeys[message.kind] ?? 'other'}`)}</td>
                  <td className="py-2 pe-4">{(localeNames as Record<string, string>)[message.locale] ?? message.locale}</td>
                  <td className="py-2 pe-4">{message.attempts}</td>
                  <td className="py-2 pe-4">{message.gaveUp ? t('gaveUp') : t('retrying')}</td>
                  <td className="py-2 text-sm break-all" dir="ltr" lang="en">
                    {message.lastError}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}
