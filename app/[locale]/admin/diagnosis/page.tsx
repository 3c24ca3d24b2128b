import { pendingRequestSince } from '@/lib/reactivation/confirmation';
import { UserActionControls } from '@/components/admin/user-action-controls';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, Notice } from '@/components/admin/admin-frame';
import { UsersFlashNotice } from '@/components/admin/users-notice';
import { EmailText } from '@/components/ui/email-text';
import { deriveAccountState } from '@/lib/accounts/lifecycle';
import { findUserOnSite, type UserRow } from '@/lib/accounts/repository';
import { requireAdmin } from '@/lib/admin/auth';
import { usersFlash } from '@/lib/admin/forms';
import { lookupActions, lookupSubjectId } from '@/lib/admin/lookup';
import { getDiagnosis } from '@/lib/admin/repository';
import { readFormFlash } from '@/lib/http/form-route';
import { isLocale, localeNames, type Locale } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { isProblem } from '@/lib/sign-in-help/engine';
import { signInHelpFlow } from '@/lib/sign-in-help/flow';
import { parseReferenceCode } from '@/lib/sign-in-help/reference-code';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ code?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.diagnosis' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * A reference code a user quoted: the path they took and what was found. Only
 * this site's results (and those of addresses with no account, which say
 * nothing about anyone) are shown; another site's code is "not found". A code
 * of this site's that found an account also shows that account as it is now,
 * with the actions its state allows, each returning here.
 */
export default async function AdminDiagnosis({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin');
  const ts = await getTranslations('SignInHelp');
  const format = await getFormatter();
  const raw = (await searchParams).code;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 60) ?? '';
  const code = typed ? parseReferenceCode(typed) : undefined;
  const now = new Date();
  const siteId = context.admin.site.id;
  const diagnosis = code ? await getDiagnosis(context.db, siteId, code, now) : undefined;
  // The account as it is now, only when the code is this site's; the query is scoped to the site as well.
  const subjectId = diagnosis ? lookupSubjectId(diagnosis, siteId) : undefined;
  const account = subjectId === undefined ? undefined : await findUserOnSite(context.db, siteId, subjectId);
  const requestSince = account ? await pendingRequestSince(context.db, account.id) : undefined;
  const here = code ? `${paths.admin.diagnosis(locale)}?${new URLSearchParams({ code }).toString()}` : paths.admin.diagnosis(locale);
  const flash = await readFormFlash(usersFlash, paths.admin.diagnosis(locale));

  return (
    <AdminFrame locale={locale} context={context} section="diagnosis" title={t('diagnosis.title')} path="/admin/diagnosis">
      <p className="mt-2 max-w-3xl text-muted">{t('diagnosis.intro')}</p>
      <UsersFlashNotice locale={locale} data={flash?.data} csrf={context.csrfToken} back={here} actorId={context.admin.id} />
      <form method="get" action={paths.admin.diagnosis(locale)} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="code" className="block font-semibold">
            {t('diagnosis.code')}
          </label>
          <p id="code-hint" className="text-sm text-muted">
            {t('diagnosis.codeHint')}
          </p>
          <input
            id="code"
            name="code"
            defaultValue={typed}
            maxLength={40}
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={typed && !code ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={typed && !code ? true : undefined}
            className="mt-1 rounded border border-line px-3 py-2 font-mono uppercase"
          />
        </div>
        <button type="submit" className="btn-primary">
          {t('diagnosis.submit')}
        </button>
      </form>
      {typed && !code && (
        <p id="code-error" role="alert" className="mt-4 font-semibold text-danger">
          {t('diagnosis.invalid')}
        </p>
      )}
      {code && !diagnosis && <Notice tone="problem">{t('diagnosis.notFound')}</Notice>}
      {diagnosis && (
        <section aria-labelledby="result" className="mt-8 max-w-3xl rounded-lg border border-line p-5">
          <h2 id="result" className="font-mono text-2xl font-bold" dir="ltr">
            {diagnosis.code}
          </h2>
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
            <dt className="text-muted">{t('diagnosis.when')}</dt>
            <dd>{format.dateTime(diagnosis.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</dd>
            <dt className="text-muted">{t('diagnosis.language')}</dt>
            <dd>{isLocale(diagnosis.locale) ? localeNames[diagnosis.locale] : diagnosis.locale}</dd>
            <dt className="text-muted">{t('diagnosis.problem')}</dt>
            <dd>{isProblem(diagnosis.problem) ? t(`diagnosis.problems.${diagnosis.problem}`) : diagnosis.problem}</dd>
            <dt className="text-muted">{t('diagnosis.outcome')}</dt>
            <dd className="font-semibold">{ts(signInHelpFlow.outcomes[diagnosis.outcome].title)}</dd>
            <dt className="text-muted">{t('diagnosis.found')}</dt>
            <dd>
              {diagnosis.state.status === null ? (
                t('diagnosis.noAccount')
              ) : (
                <ul className="space-y-1">
                  <li>{t(`status.${diagnosis.state.status}`)}</li>
                  {diagnosis.state.isSiteAdmin && <li>{t('diagnosis.siteAdmin')}</li>}
                  {diagnosis.state.isDirectoryManaged && <li>{t('diagnosis.directory')}</li>}
                  {diagnosis.state.retention === 'disabled-in-directory' && <li>{t('users.keptDisabled')}</li>}
                  {diagnosis.state.deletesAt && (
                    <li>{t('diagnosis.deletesAt', { date: format.dateTime(new Date(diagnosis.state.deletesAt), { dateStyle: 'medium', timeZone: 'UTC' }) })}</li>
                  )}
                  {diagnosis.state.mailedGuidance && <li>{t('diagnosis.mailed')}</li>}
                </ul>
              )}
            </dd>
            <dt className="text-muted">{t('diagnosis.solved')}</dt>
            <dd>{diagnosis.solved === null ? t('diagnosis.solvedUnknown') : diagnosis.solved ? t('diagnosis.solvedYes') : t('diagnosis.solvedNo')}</dd>
          </dl>
        </section>
      )}
      {account && requestSince && (
        <p role="status" className="mt-6 max-w-3xl rounded border-s-4 border-brand bg-brand-wash px-4 py-3">
          {t('diagnosis.requestWaiting', { date: format.dateTime(requestSince, { dateStyle: 'medium', timeZone: 'UTC' }) })}{' '}
          <a href={paths.admin.requests(locale)}>{t('diagnosis.openRequests')}</a>
        </p>
      )}
      {account && <LookupAccount locale={locale} user={account} actorId={context.admin.id} csrf={context.csrfToken} back={here} now={now} />}
    </AdminFrame>
  );
}

/** The account a code leads to, as it is now, with the actions its state allows (the users list's, posted to the same route). */
async function LookupAccount({ locale, user, actorId, csrf, back, now }: { locale: Locale; user: UserRow; actorId: number; csrf: string; back: string; now: Date }) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const retention = deriveAccountState(user, now).retention;
  const offers = lookupActions(user, actorId);
  return (
    <section aria-labelledby="account" className="mt-6 max-w-3xl rounded-lg border border-line p-5">
      <h2 id="account" className="text-xl font-bold">
        {t('diagnosis.accountTitle')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('diagnosis.accountNote')}</p>
      <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">{t('users.email')}</dt>
        <dd>
          <EmailText email={user.email} className="font-semibold" />
        </dd>
        <dt className="text-muted">{t('users.status')}</dt>
        <dd className="font-semibold">
          {t(`status.${user.status}`)}
        </dd>
        <dt className="text-muted">{t('diagnosis.accountDeletion')}</dt>
        <dd>
          {!retention
            ? t('diagnosis.accountNoDeletion')
            : retention.policy === 'disabled-in-directory'
              ? t('users.keptDisabled')
              : retention.daysLeft === 0
                ? t('users.deletesToday')
                : t('users.deletesIn', { days: retention.daysLeft })}
        </dd>
      </dl>
      <h3 className="mt-4 font-semibold">{t('users.actions')}</h3>
      <div className="mt-2">
        <UserActionControls locale={locale} user={user} offers={offers} csrf={csrf} back={back} reasonId="lookup-reason" />
      </div>
    </section>
  );
}
