'use client';

import { useEffect, useState } from 'react';
import type { ContactDetails } from '@/lib/accounts/types';
import { ContactCardView, type ContactCardLabels } from '@/components/sign-in-help/contact-card-view';

export type PreviewTexts = {
  heading: string;
  note: string;
  outcomeTitle: string;
  outcomeBody: string;
  cardTitle: string;
  labels: ContactCardLabels;
  /** What users see instead when no details are entered. */
  noDetailsBody: string;
  noDetailsIt: string;
  /** What users see on screen in privacy mode. */
  privateNotice: string;
  privateBody: string;
};

const fields = ['name', 'email', 'phone', 'message'] as const;

/**
 * What a locked-out user of this site will see, as the administrator types.
 * Server-rendered with the saved (or just submitted) values, so it is correct
 * without JavaScript too; with it, it follows the form's fields live.
 */
export function ContactPreview({ formId, initial, initialPrivate, texts }: { formId: string; initial: ContactDetails; initialPrivate: boolean; texts: PreviewTexts }) {
  const [contact, setContact] = useState(initial);
  const [isPrivate, setPrivate] = useState(initialPrivate);

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const read = () => {
      const data = new FormData(form);
      const value = (name: string) => {
        const entry = data.get(name);
        return typeof entry === 'string' && entry.trim() ? entry.trim() : null;
      };
      setContact({ name: value('name'), email: value('email'), phone: value('phone'), message: value('message') });
      setPrivate(data.get('privacyMode') === 'on');
    };
    form.addEventListener('input', read);
    form.addEventListener('change', read);
    return () => {
      form.removeEventListener('input', read);
      form.removeEventListener('change', read);
    };
  }, [formId]);

  const hasDetails = fields.some((field) => contact[field]);
  return (
    <section aria-labelledby="preview-heading" className="rounded-lg border border-line bg-wash p-5">
      <h2 id="preview-heading" className="text-xl font-semibold">
        {texts.heading}
      </h2>
      <p className="mt-1 text-sm text-muted">{texts.note}</p>
      <div className="mt-4 rounded bg-paper p-4 shadow-sm" aria-live="polite">
        {isPrivate ? (
          <>
            <p className="rounded border-s-4 border-warn bg-warn-wash px-3 py-2 text-sm">{texts.privateNotice}</p>
            <p className="mt-3">{texts.privateBody}</p>
          </>
        ) : hasDetails ? (
          <>
            <p className="text-lg font-bold">{texts.outcomeTitle}</p>
            <p className="mt-2">{texts.outcomeBody}</p>
            <ContactCardView title={texts.cardTitle} labels={texts.labels} contact={contact} />
          </>
        ) : (
          <>
            <p className="mt-2">{texts.noDetailsBody}</p>
            <p className="mt-2">{texts.noDetailsIt}</p>
          </>
        )}
      </div>
    </section>
  );
}
