import { EmailText } from '@/components/ui/email-text';
import type { ContactDetails } from '@/lib/accounts/types';

export type ContactCardLabels = { name: string; email: string; phone: string; message: string };

const present = (value: string | null): value is string => Boolean(value?.trim());

/**
 * Whom to contact: a name, an email (mailto), a phone (tel) and a message, each
 * shown only when there is one. No hooks and no server calls, so the same markup
 * serves the real pages and site administration's live preview.
 */
export function ContactCardView({
  title,
  labels,
  contact,
  messageLang,
  messageDir = 'auto',
}: {
  title: string;
  labels: ContactCardLabels;
  contact: ContactDetails;
  /** The language the administrator's message is in: marked on it, with its direction (isolated from the page's; `auto` when unknown). */
  messageLang?: string;
  messageDir?: 'ltr' | 'rtl' | 'auto';
}) {
  return (
    <section aria-label={title} className="@container mt-6 rounded-lg border-2 border-brand bg-brand-wash p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      {/* Label beside value where the card is wide enough (not the width of the screen: the card also sits in a narrow preview). */}
      <dl className="mt-3 grid gap-x-4 @md:grid-cols-[auto_1fr] @md:gap-y-2">
        {present(contact.name) && (
          <>
            <dt className="mt-2 text-muted @md:mt-0">{labels.name}</dt>
            {/* Administrators write in any language: each value takes its direction from its own text. */}
            <dd className="font-semibold" dir="auto">
              {contact.name}
            </dd>
          </>
        )}
        {present(contact.email) && (
          <>
            <dt className="mt-2 text-muted @md:mt-0">{labels.email}</dt>
            <dd>
              <a href={`mailto:${contact.email}`} className="font-semibold">
                <EmailText email={contact.email} />
              </a>
            </dd>
          </>
        )}
        {present(contact.phone) && (
          <>
            <dt className="mt-2 text-muted @md:mt-0">{labels.phone}</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} dir="ltr" className="font-semibold">
                {contact.phone}
              </a>
            </dd>
          </>
        )}
        {present(contact.message) && (
          <>
            <dt className="mt-2 text-muted @md:mt-0">{labels.message}</dt>
            <dd className="whitespace-pre-line" lang={messageLang} dir={messageDir}>
              {contact.message}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
