import { getTranslations } from 'next-intl/server';
import { daysUntil } from '@/lib/accounts/lifecycle';
import type { Locale } from '@/lib/i18n/locales';

/** "Will be deleted in N days" (plural forms of every locale), "due now", or "kept". */
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
  const days = daysUntil(new Date(deletesAt), now);
  return (
    <p className="mt-4 rounded border-s-4 border-warn bg-warn-wash px-4 py-3 font-semibold">
      {days === 0 ? t('dueNow') : t('deletesIn', { days })}
    </p>
  );
}
