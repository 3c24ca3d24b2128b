import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { reasonLimit } from '@/lib/admin/rules';

/**
 * The second step of a destructive action: an optional reason (kept in the audit
 * entry), the confirming button and a way back. A plain form, so it works without
 * JavaScript; `hidden` carries the action's own fields and the anti-forgery token.
 */
export async function ConfirmForm({
  locale,
  action,
  hidden,
  confirmLabel,
  back,
}: {
  locale: Locale;
  action: string;
  hidden: Record<string, string>;
  confirmLabel: string;
  back: string;
}) {
  const t = await getTranslations({ locale, namespace: 'Admin.confirm' });
  return (
    <form method="post" action={action} className="mt-6 max-w-2xl">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirm" value="yes" />
      <label htmlFor="reason" className="block font-semibold">
        {t('reason')}
      </label>
      <p id="reason-hint" className="text-sm text-muted">
        {t('reasonHint', { max: reasonLimit })}
      </p>
      <textarea id="reason" name="reason" rows={3} maxLength={reasonLimit} dir="auto" aria-describedby="reason-hint" className="mt-1 block w-full rounded border border-line bg-paper px-3 py-2" />
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-danger px-4 py-2 font-semibold text-on-danger hover:opacity-90">
          {confirmLabel}
        </button>
        <a href={back}>{t('cancel')}</a>
      </div>
    </form>
  );
}
