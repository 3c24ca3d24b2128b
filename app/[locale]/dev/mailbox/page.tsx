import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { isProduction } from '@/lib/config/env';
import { isUnavailable, withDatabase } from '@/lib/server/database';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { listOutbox } from '@/lib/mail/mailer';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Mailbox' });
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

/**
 * Outside production, without SMTP_URL: the email Signpost would have sent. The proxy hides it in production.
 * Rendered per request, never prerendered: a build is made in production mode (a permanent 404 for a demo
 * server on that build), and a build made in demo mode would freeze the build machine's outbox, reset links
 * included, into `.next`.
 */
export default async function DevMailbox({ params }: Props) {
  await connection();
  const locale = parseLocaleParam((await params).locale);
  if (isProduction) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Mailbox');
  const format = await getFormatter();
  const messages = await withDatabase('dev.mailbox', listOutbox);
  if (isUnavailable(messages)) throw new Error('The database is unavailable.');
  return (
    <PageShell locale={locale} alternates={getLocalePaths('/dev/mailbox')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-muted">{t('intro')}</p>
      {messages.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded border border-line p-4">
              <p className="font-semibold">{message.subject}</p>
              <p className="text-sm text-muted">
                {t('to')}: <span dir="ltr">{message.to}</span> · {message.kind} · {t('sent')}{' '}
                {format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </p>
              <pre className="mt-2 overflow-x-auto whitespace-pre-wrap font-sans text-sm" dir="auto">
                {message.text}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </PageShell>
  );
}
