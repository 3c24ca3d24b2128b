import { getFormatter, getTranslations } from 'next-intl/server';
import { daysUntil } from '@/lib/accounts/lifecycle';
import type { Locale } from '@/lib/i18n/locales';

/** "Will be deleted in N days" (plural forms of every locale) and on which date, in the reader's calendar; "due now"; or "kept". */
export async function RetentionNotice({
  locale,
  deletesAt,
  keptIndefinitely,
  now,
}: {
  locale: Locale;
  deletesAt: string | null;
  keptIndefinitely: boolean;
  now: Date;
}) {
  const t = await getTranslations({ locale, namespace: 'SignInHelp.retention' });
  if (keptIndefinitely) return <p className="mt-4">{t('keptIndefinitely')}</p>;
  if (!deletesAt) return null;
  const format = await getFormatter({ locale });
  const date = new Date(deletesAt);
  const days = daysUntil(date, now);
  return (
    <div className="mt-4 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
      <p className="font-semibold">{days === 0 ? t('dueNow') : t('deletesIn', { days })}</p>
      {days > 0 && (
        <p className="mt-1">
          {t('deletesOn', { date: format.dateTime(date, { dateStyle: 'long', timeZone: 'UTC' }) })}
        </p>
      )}
    </div>
  );
}
