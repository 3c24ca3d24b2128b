import { getTranslations } from 'next-intl/server';
import type { ActionOffer } from '@/lib/admin/rules';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/**
 * A user's status actions, as the users list and the reference-code lookup both show them: each
 * offered one as a button posting to the same route (delete through its confirmation page), each
 * refused one disabled and described by the reason below it.
 */
export async function UserActionControls({
  locale,
  user,
  offers,
  csrf,
  back,
  reasonId,
  reasonClassName = 'mt-1 text-sm text-muted',
}: {
  locale: Locale;
  user: { id: number; email: string };
  offers: ActionOffer[];
  csrf: string;
  /** Where the action route sends the administrator back to (the page the form is on). */
  back: string;
  /** The id of the reason's paragraph, unique on the page. */
  reasonId: string;
  reasonClassName?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const blocked = offers.find((offer): offer is Extract<ActionOffer, { available: false }> => !offer.available);
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {offers.map((offer) => {
          const label = t(`actions.${offer.action}`);
          const name = t('actions.labelFor', { action: label, email: user.email });
          if (!offer.available) {
            return (
              <button key={offer.action} type="button" disabled aria-label={name} aria-describedby={reasonId} className="cursor-not-allowed rounded border border-line px-3 py-1 text-sm text-muted">
                {label}
              </button>
            );
          }
          if (offer.action === 'delete') {
            return (
              <a key={offer.action} href={paths.admin.confirmDelete(locale, user.id, back)} aria-label={name} className="rounded border border-danger px-3 py-1 text-sm text-danger no-underline hover:bg-danger-wash">
                {label}
              </a>
            );
          }
          return (
            <form key={offer.action} method="post" action={paths.admin.userAction(locale, user.id)}>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="action" value={offer.action} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" aria-label={name} className="rounded border border-brand px-3 py-1 text-sm text-brand-strong hover:bg-brand-wash">
                {label}
              </button>
            </form>
          );
        })}
      </div>
      {blocked && (
        <p id={reasonId} className={reasonClassName}>
          {t(`reasons.${blocked.reason}`)}
        </p>
      )}
    </>
  );
}
