import { getFormatter, getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/article/article-list';
import { SearchForm } from '@/components/search/search-form';
import { getArticle } from '@/lib/content';
import type { SiteRecord } from '@/lib/accounts/types';
import type { Locale } from '@/lib/i18n/locales';
import type { Outcome, OutcomeAction } from '@/lib/sign-in-help/flow';
import type { OutcomeNotice } from '@/lib/sign-in-help/forms';
import type { DiagnosisState } from '@/lib/sign-in-help/types';
import { guidanceFor, siteFactsOf } from '@/lib/sign-in-help/outcome-model';
import { ContactCard } from './contact-card';
import { CopyCodeButton } from './copy-code-button';
import { RetentionNotice } from './retention-notice';
import { paths } from '@/lib/paths';

/**
 * Renders any outcome of the flow through the one outcome model (outcome-model.ts):
 * the explanation, the card of the one party who can fix it, the next steps, the
 * deletion notice, its actions, the reference code (with a copy button and an
 * email to the party that carries it), its articles and "did this solve your
 * problem?". One component for every outcome, on every page that shows one.
 */
export async function OutcomeView({
  locale,
  outcome,
  site,
  state,
  reference,
  notice,
  pendingRequestSince,
  now,
}: {
  locale: Locale;
  outcome: Outcome;
  site?: SiteRecord;
  state?: DiagnosisState;
  reference?: { code: string; solved: boolean | null };
  notice?: OutcomeNotice;
  /** When the account's reactivation request was made, if one is waiting: said instead of offering another. */
  pendingRequestSince?: Date;
  now: Date;
}) {
  const t = await getTranslations({ locale, namespace: 'SignInHelp' });
  const tf = await getTranslations({ locale, namespace: 'Forms' });
  const format = await getFormatter({ locale });
  const guidance = guidanceFor(outcome, site && siteFactsOf(site), reference?.code ?? null);
  const articles = guidance.articles.flatMap((id) => getArticle(id, locale) ?? []);
  const cardContact =
    guidance.card?.kind === 'site-contact' ? site?.contact : guidance.card?.kind === 'csm-contact' && site ? { ...site.organization.csm, message: null } : undefined;
  const code = guidance.referenceCode;
  const mailto =
    code && cardContact?.email
      ? `mailto:${cardContact.email}?subject=${encodeURIComponent(t('reference.mailSubject', { code }))}&body=${encodeURIComponent(t('reference.mailBody', { code }))}`
      : undefined;

  const action = (kind: OutcomeAction) => {
    switch (kind) {
      case 'cant-reach-admin':
        return reference ? (
          <a key={kind} href={paths.signInHelp.csm(locale, reference.code)} className="btn-primary inline-block">
            {t('actions.cantReachAdmin')}
          </a>
        ) : null;
      case 'ask-reactivation':
        if (!reference) return null;
        if (pendingRequestSince) {
          return (
            <p key={kind} role="status" className="basis-full rounded border-s-4 border-brand bg-brand-wash px-4 py-3">
              {t('requestPending', { date: format.dateTime(pendingRequestSince, { dateStyle: 'long' }) })}
            </p>
          );
        }
        return (
          <form key={kind} method="post" action={paths.signInHelp.askReactivation(locale, reference.code)} className="basis-full">
            <button type="submit" className="btn-primary" aria-describedby="ask-reactivation-hint">
              {t('actions.askReactivation')}
            </button>
            <p id="ask-reactivation-hint" className="mt-1 text-sm text-muted">
              {t('actions.askReactivationHint')}
            </p>
          </form>
        );
      case 'resend-verification':
        return reference ? (
          <form key={kind} method="post" action={paths.signInHelp.resend(locale, reference.code)}>
            <button type="submit" className="btn-primary">
              {t('actions.resendVerification')}
            </button>
          </form>
        ) : null;
      case 'reset-password':
        return (
          <a key={kind} href={paths.forgotPassword.form(locale)} className="btn-primary inline-block">
            {t('actions.resetPassword')}
          </a>
        );
      case 'search':
        return (
          <SearchForm key={kind} locale={locale} inputId="outcome-search" className="max-w-xl" />
        );
    }
  };

  return (
    <>
      {notice?.kind === 'resent' && (
        <p role="status" className="mt-6 rounded border-s-4 border-ok bg-ok-wash px-4 py-3">
          {t('resent')}
        </p>
      )}
      {notice?.kind === 'reactivation-asked' && (
        <p role="status" className="mt-6 rounded border-s-4 border-ok bg-ok-wash px-4 py-3">
          {t('asked')}
        </p>
      )}
      {notice?.kind === 'rate-limited' && (
        <p role="alert" className="mt-6 rounded border-s-4 border-danger bg-danger-wash px-4 py-3">
          {tf('rateLimited', { minutes: notice.minutes })}
        </p>
      )}

      {guidance.explanation.map((key) => (
        <p key={key} className="mt-4 text-lg">
          {t(key)}
        </p>
      ))}

      {guidance.card && cardContact && <ContactCard locale={locale} title={t(guidance.card.title)} contact={cardContact} />}

      {guidance.nextSteps.map((key) => (
        <p key={key} className="mt-4">
          {t(key)}
        </p>
      ))}

      {guidance.showsRetention && state && (
        <RetentionNotice
          locale={locale}
          deletesAt={state.deletesAt}
          keptIndefinitely={state.retention === 'disabled-in-directory'}
          now={now}
        />
      )}

      {guidance.actions.length > 0 && <div className="mt-6 flex flex-wrap items-center gap-3">{guidance.actions.map(action)}</div>}

      {code && (
        <section aria-labelledby="reference" className="mt-8 rounded border border-line bg-wash px-4 py-3">
          <h2 id="reference" className="font-semibold">
            {t('reference.title')}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-3">
            <span className="code-token font-mono text-2xl font-bold tracking-wider" dir="ltr">
              {code}
            </span>
            <CopyCodeButton code={code} labels={{ copy: t('reference.copy'), copied: t('reference.copied'), failed: t('reference.copyFailed') }} />
          </p>
          <p className="mt-1 text-sm text-muted">{t('reference.body')}</p>
          {mailto && (
            <p className="mt-2">
              <a href={mailto}>{t('reference.mailLink')}</a>
            </p>
          )}
        </section>
      )}

      {articles.length > 0 && (
        <section aria-labelledby="related-help" className="mt-8">
          <h2 id="related-help" className="text-xl font-semibold">
            {t('related')}
          </h2>
          <ArticleList articles={articles} />
        </section>
      )}

      {reference && (
        <section aria-labelledby="solved" className="no-print mt-8">
          <h2 id="solved" className="text-lg font-semibold">
            {t('solved.question')}
          </h2>
          {notice?.kind === 'solved' || reference.solved !== null ? (
            <p role="status" className="mt-2">
              {(notice?.kind === 'solved' ? notice.solved : reference.solved) ? t('solved.thanks') : t('solved.sorry')}
            </p>
          ) : (
            <form method="post" action={paths.signInHelp.solved(locale, reference.code)} className="mt-2 flex gap-3">
              <button type="submit" name="solved" value="yes" className="rounded border border-line px-4 py-2 hover:bg-wash">
                {t('solved.yes')}
              </button>
              <button type="submit" name="solved" value="no" className="rounded border border-line px-4 py-2 hover:bg-wash">
                {t('solved.no')}
              </button>
            </form>
          )}
        </section>
      )}

      <p className="mt-10">
        <a href={paths.signInHelp.start(locale)}>{t('startOver')}</a>
      </p>
    </>
  );
}
