import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/layout/page-shell';
import { getArticle, findArticleId } from '@/lib/content';
import { maxCommentLength } from '@/lib/feedback/constants';
import { feedbackFlash } from '@/lib/feedback/forms';
import { readFormFlash } from '@/lib/http/form-route';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { getTextAttributes } from '@/lib/i18n/locales';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';
import { redirect } from 'next/navigation';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Feedback' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Article feedback without JavaScript: the thank-you, the optional comment, the way back. */
export default async function ArticleFeedback({ params }: Props) {
  const { locale: localeParam, id } = await params;
  const locale = parseLocaleParam(localeParam);
  setRequestLocale(locale);
  const articleId = findArticleId(id);
  const article = articleId ? getArticle(articleId, locale) : undefined;
  if (!article) redirect(paths.pageNotFound(locale));
  const t = await getTranslations('Feedback');
  const flash = await readFormFlash(feedbackFlash, paths.feedback.page(locale, article.id));
  const voted = flash?.data?.voted !== undefined;
  const commented = flash?.data?.commented === true;
  const tooLong = flash?.errors?.comment === 'too-long';

  return (
    <PageShell locale={locale} alternates={getLocalePaths(`/feedback/${article.id}`)}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{t('question')}</h1>
        <p className="mt-2 text-lg">
          <a href={article.path} {...getTextAttributes(article.entry.locale, locale)}>
            {article.entry.title}
          </a>
        </p>
        {(voted || commented) && (
          <p role="status" className="mt-6 rounded border-s-4 border-ok bg-ok-wash px-4 py-3">
            {commented ? t('commentThanks') : t('thanks')}
          </p>
        )}
        {!commented && (voted || tooLong) ? (
          <form method="post" action={paths.feedback.comment(locale, article.id)} className="mt-6">
            <label htmlFor="comment" className="block font-semibold">
              {t('commentLabel')}
            </label>
            <p id="comment-hint" className="text-sm text-muted">
              {t('commentHint')}
            </p>
            {tooLong && (
              <p id="comment-error" role="alert" className="mt-1 font-semibold text-danger">
                {t('commentTooLong', { max: maxCommentLength })}
              </p>
            )}
            <textarea
              id="comment"
              name="comment"
              rows={4}
              defaultValue={flash?.values?.comment}
              aria-invalid={tooLong || undefined}
              aria-describedby={tooLong ? 'comment-hint comment-error' : 'comment-hint'}
              className="mt-1 block w-full rounded border border-line px-3 py-2"
            />
            <button type="submit" className="btn-primary mt-3">
              {t('send')}
            </button>
          </form>
        ) : (
          !commented && (
            <form method="post" action={paths.feedback.vote(locale, article.id)} className="mt-6 flex gap-3">
              <button type="submit" name="helpful" value="yes" className="rounded border border-line px-4 py-2 hover:bg-wash">
                {t('yes')}
              </button>
              <button type="submit" name="helpful" value="no" className="rounded border border-line px-4 py-2 hover:bg-wash">
                {t('no')}
              </button>
            </form>
          )
        )}
        <p className="mt-8">
          <a href={article.path}>{t('backToArticle')}</a>
        </p>
      </div>
    </PageShell>
  );
}
