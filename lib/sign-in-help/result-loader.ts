import 'server-only';
import { redirect } from 'next/navigation';
import { findSite, type SiteRecord } from '@/lib/accounts/repository';
import { getDb } from '@/lib/db/client';
import { log } from '@/lib/server/log';
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
  let found: LoadedResult | undefined;
  try {
    if (code) {
      const db = await getDb();
      const diagnosis = await getDiagnosis(db, code, now);
      if (diagnosis) found = { diagnosis, site: diagnosis.siteId ? await findSite(db, { id: diagnosis.siteId }) : undefined };
    }
  } catch (error) {
    log.error('sign-in-help.result', error);
    redirect(paths.signInHelp.unavailable(locale));
  }
  if (!found) redirect(paths.signInHelp.expired(locale));
  return found;
}
