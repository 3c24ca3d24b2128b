import 'server-only';
import { findSite, type SiteRecord } from '@/lib/accounts/repository';
import { getDb } from '@/lib/db/client';
import { log } from '@/lib/server/log';
import { parseReferenceCode } from './reference-code';
import { getDiagnosis, type Diagnosis } from './repository';

export type LoadedResult =
  | { kind: 'found'; diagnosis: Diagnosis; site: SiteRecord | undefined }
  | { kind: 'missing' }
  | { kind: 'unavailable' };

/** A result page's diagnosis (and its site), by the code in the URL. */
export async function loadResult(rawCode: string, now: Date): Promise<LoadedResult> {
  const code = parseReferenceCode(rawCode);
  if (!code) return { kind: 'missing' };
  try {
    const db = await getDb();
    const diagnosis = await getDiagnosis(db, code, now);
    if (!diagnosis) return { kind: 'missing' };
    const site = diagnosis.siteId ? await findSite(db, { id: diagnosis.siteId }) : undefined;
    return { kind: 'found', diagnosis, site };
  } catch (error) {
    log.error('sign-in-help.result', error);
    return { kind: 'unavailable' };
  }
}
