import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/admin/admin-frame';
import type { UsersNotice } from '@/lib/admin/forms';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';

/** What a user action left to say, on the page it returned to (the users list or the reference-code lookup). */
export async function UsersFlashNotice({ locale, data, csrf, back, actorId }: { locale: Locale; data?: UsersNotice; csrf: string; back: string; actorId: number }) {
  if (!data) return null;
  const t = await getTranslations({ locale, namespace: 'Admin' });
  switch (data.notice) {
    case 'done':
      if (data.undo === undefined) return <Notice tone="ok">{t(`done.${data.action}`, { email: data.email })}</Notice>;
      // The undo posts to the action route of any user id (the audit entry names the user); the server checks window, actor and site.
      return (
        <div role="status" className="mt-6 flex flex-wrap items-center gap-3 rounded border-s-4 border-ok bg-ok-wash px-4 py-3">
          <p>
            {t(`done.${data.action}`, { email: data.email })} {t('undo.hint')}
          </p>
          <form method="post" action={paths.admin.userAction(locale, actorId)}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="action" value="undo" />
            <input type="hidden" name="undo" value={String(data.undo)} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" className="rounded border border-ink px-3 py-1 font-semibold hover:bg-paper">
              {t('undo.button')}
            </button>
          </form>
        </div>
      );
    case 'undone':
      return <Notice tone="ok">{t('undo.done', { email: data.email })}</Notice>;
    case 'undo-refused':
      return <Notice tone="problem">{t(`undo.${data.reason}`)}</Notice>;
    case 'bulk-done':
      return <Notice tone="ok">{t('bulk.done', { action: t(`actions.${data.action}`), done: data.done, skipped: data.skipped })}</Notice>;
    case 'bulk-empty':
      return <Notice tone="problem">{t('bulk.empty')}</Notice>;
    case 'not-found':
      return <Notice tone="problem">{t('done.notFound')}</Notice>;
    case 'refused':
      return <Notice tone="problem">{t('done.refused', { reason: t(`reasons.${data.reason}`) })}</Notice>;
  }
}
