import 'server-only';
import { redirect } from 'next/navigation';
import { findSite } from '@/lib/accounts/repository';
import type { SiteRecord } from '@/lib/accounts/types';
import { isUnavailable, withDatabase } from '@/lib/server/database';
import type { Database } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locales';
import { pendingRequestSince } from '@/lib/reactivation/confirmation';
import { requestableOutcomes } from './guidance';
import { parseReferenceCode } from './reference-code';
import { getDiagnosis, type Diagnosis } from './repository';
import { paths } from '@/lib/paths';

/** A diagnosis, its site, and (where the outcome offers a reactivation request) when the account's pending request was made. */
export type LoadedResult = { diagnosis: Diagnosis; site: SiteRecord | undefined; pendingRequestSince?: Date };

async function loadFound(db: Database, code: string, now: Date): Promise<LoadedResult | undefined> {
  const diagnosis = await getDiagnosis(db, code, now);
  if (!diagnosis) return undefined;
  const site = diagnosis.siteId ? await findSite(db, { id: diagnosis.siteId }) : undefined;
  const pending = diagnosis.subjectUserId && requestableOutcomes.has(diagnosis.outcome) ? await pendingRequestSince(db, diagnosis.subjectUserId) : undefined;
  return { diagnosis, site, ...(pending ? { pendingRequestSince: pending } : {}) };
}

/**
 * A result page's diagnosis (and its site), by the code in the URL. An unknown or
 * expired code redirects to the "start again" page, a failing database to the
 * generic guidance.
 */
export async function loadResultOrRedirect(locale: Locale, rawCode: string, now: Date): Promise<LoadedResult> {
  const code = parseReferenceCode(rawCode);
  if (!code) redirect(paths.signInHelp.expired(locale));
  const loaded = await withDatabase('sign-in-help.result', async (db) => ({ kind: 'loaded', found: await loadFound(db, code, now) }) as const);
  if (loaded.kind === 'unavailable') redirect(paths.signInHelp.unavailable(locale));
  if (!loaded.found) redirect(paths.signInHelp.expired(locale));
  return loaded.found;
}

/** A diagnosis and its site, for a page that shows it beside its own content: undefined when it is gone or the database fails. */
export async function loadResult(code: string, now: Date): Promise<LoadedResult | undefined> {
  const loaded = await withDatabase('sign-in-help.result', (db) => loadFound(db, code, now));
  return isUnavailable(loaded) ? undefined : loaded;
}
