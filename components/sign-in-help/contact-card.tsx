import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';

type Contact = { name: string | null; email: string | null; phone: string | null; message: string | null };

const present = (value: string | null): value is string => Boolean(value?.trim());

/** Whom to contact: a name, an email (mailto), a phone (tel) and a message, each shown only when there is one. */
export async function ContactCard({ locale, title, contact }: { locale: Locale; title: string; contact: Contact }) {
  const t = await getTranslations({ locale, namespace: 'SignInHelp.card' });
  return (
    <section aria-label={title} className="mt-6 rounded-lg border-2 border-brand bg-brand-wash p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        {present(contact.name) && (
          <>
            <dt className="text-muted">{t('name')}</dt>
            <dd className="font-semibold">{contact.name}</dd>
          </>
        )}
        {present(contact.email) && (
          <>
            <dt className="text-muted">{t('email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`} dir="ltr" className="break-all font-semibold">
                {contact.email}
              </a>
            </dd>
          </>
        )}
        {present(contact.phone) && (
          <>
            <dt className="text-muted">{t('phone')}</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr" className="font-semibold">
                {contact.phone}
              </a>
            </dd>
          </>
        )}
        {present(contact.message) && (
          <>
            <dt className="text-muted">{t('message')}</dt>
            <dd className="whitespace-pre-line">{contact.message}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
