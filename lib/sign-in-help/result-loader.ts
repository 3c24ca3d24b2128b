import 'server-only';
import { redirect } from 'next/navigation';
import { findSite } from '@/lib/accounts/repository';
import type { SiteRecord } from '@/lib/accounts/types';
import { isUnavailable, withDatabase } from '@/lib/server/database';
import type { Locale } from '@/lib/i18n/locales';
import { parseReferenceCode } from './reference-code';
import { getDiagnosis, type Diagnosis } from './repository';
import { paths } from '@/lib/paths';

export type LoadedResult = { diagnosis: Diagnosis; site: SiteRecord | undefined };

/**
 * A result page's diagnosis (and its site), by the code in the URL. An unknown or
 * expired code redirects to the "start again" page, a failing database to the
 * generic guidance.
 */
export async function loadResultOrRedirect(locale: Locale, rawCode: string, now: Date): Promise<LoadedResult> {
  const code = parseReferenceCode(rawCode);
  if (!code) redirect(paths.signInHelp.expired(locale));
  const loaded = await withDatabase('sign-in-help.result', async (db) => {
    const diagnosis = await getDiagnosis(db, code, now);
    return { kind: 'loaded', found: diagnosis && { diagnosis, site: diagnosis.siteId ? await findSite(db, { id: diagnosis.siteId }) : undefined } } as const;
  });
  if (loaded.kind === 'unavailable') redirect(paths.signInHelp.unavailable(locale));
  if (!loaded.found) redirect(paths.signInHelp.expired(locale));
  return loaded.found;
}

/** A diagnosis and its site, for a page that shows it beside its own content: undefined when it is gone or the database fails. */
export async function loadResult(code: string, now: Date): Promise<LoadedResult | undefined> {
  const loaded = await withDatabase('sign-in-help.result', async (db) => {
    const diagnosis = await getDiagnosis(db, code, now);
    return diagnosis && { diagnosis, site: diagnosis.siteId ? await findSite(db, { id: diagnosis.siteId }) : undefined };
  });
  return isUnavailable(loaded) ? undefined : loaded;
}
