import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArticleList } from '@/components/article/article-list';
import { PageShell } from '@/components/layout/page-shell';
import { ContactCard } from '@/components/sign-in-help/contact-card';
import { TextField } from '@/components/ui/form';
import { findSite } from '@/lib/accounts/repository';
import type { SiteRecord } from '@/lib/accounts/types';
import { getArticle } from '@/lib/content';
import { getLocalePaths } from '@/lib/i18n/alternates';
import { parseLocaleParam } from '@/lib/i18n/params';
import { withDatabase } from '@/lib/server/database';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ site?: string | string[] }> };

const helpArticles = ['WBX75907', 'WBX89094', 'WBX15'];
const siteSlug = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'SupportContact' });
  return { title: t('metaTitle'), description: t('intro') };
}

async function lookUpSite(slug: string): Promise<SiteRecord | 'unknown' | 'unavailable'> {
  const found = await withDatabase('support-contact.site', async (db) => ({ kind: 'found', site: await findSite(db, { slug }) }) as const);
  return found.kind === 'unavailable' ? 'unavailable' : (found.site ?? 'unknown');
}

/** Support > Contact Us: the site's contact details for site administration, the CSM route, the articles. */
export default async function SupportContact({ params, searchParams }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('SupportContact');
  const tc = await getTranslations('SignInHelp');
  const raw = (await searchParams).site;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? '';
  const slug = typed.toLowerCase().replace(/^https?:\/\//, '').split(/[./]/)[0] ?? '';
  const site = typed && siteSlug.test(slug) ? await lookUpSite(slug) : typed ? 'unknown' : undefined;
  const found = typeof site === 'object' ? site : undefined;
  const csm = found?.organization.csm;

  return (
    <PageShell locale={locale} alternates={getLocalePaths(found ? `/support/contact?site=${found.slug}` : '/support/contact')}>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight">{found ? t('forSite', { site: found.name }) : t('title')}</h1>
        {!found && <p className="mt-2 text-lg text-muted">{t('intro')}</p>}

        <form method="get" action={paths.supportContact(locale)} className="mt-4">
          <TextField id="site" name="site" label={t('siteLabel')} hint={t('siteHint')} defaultValue={typed} maxLength={100} dir="ltr" />
          <button type="submit" className="btn-primary mt-4">
            {t('show')}
          </button>
        </form>

        {site === 'unknown' && (
          <>
            <p role="alert" className="mt-6 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
              {t('unknownSite', { site: typed })}
            </p>
            <p className="mt-3">
              {t('unknownSiteHelp')} <a href={paths.signInHelp.start(locale)}>{tc('title')}</a>
            </p>
          </>
        )}
        {site === 'unavailable' && (
          <p role="alert" className="mt-6 rounded border-s-4 border-warn bg-warn-wash px-4 py-3">
            {tc('unavailable.body')}
          </p>
        )}

        {found &&
          (found.privacyMode ? (
            <p className="mt-6">
              {t('privacy')} <a href={paths.signInHelp.start(locale)}>{tc('title')}</a>
            </p>
          ) : found.hasContactDetails ? (
            <ContactCard locale={locale} title={tc('card.siteTitle')} contact={found.contact} />
          ) : (
            <p className="mt-6">{t('noDetails')}</p>
          ))}

        {found && csm && (csm.email || csm.phone) && (
          <section aria-labelledby="csm" className="mt-8">
            <h2 id="csm" className="text-xl font-semibold">
              {t('csmTitle')}
            </h2>
            <p className="mt-1">{t('csmBody')}</p>
            <ContactCard locale={locale} title={tc('card.csmTitle')} contact={{ ...csm, message: null }} />
          </section>
        )}

        <section aria-labelledby="support-articles" className="mt-10">
          <h2 id="support-articles" className="text-xl font-semibold">
            {t('articles')}
          </h2>
          <ArticleList articles={helpArticles.flatMap((id) => getArticle(id, locale) ?? [])} />
        </section>
      </div>
    </PageShell>
  );
}
