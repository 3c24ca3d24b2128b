import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSite } from '@/lib/accounts/repository';
import type { OpenDatabase } from '@/lib/db/client';
import { createDiagnosis } from '@/lib/sign-in-help/repository';
import type { DiagnosisState } from '@/lib/sign-in-help/types';
import { useDemoDatabase } from '@/lib/testing/database';
import { getDiagnosis } from './repository';

describe('getDiagnosis (site administration)', () => {
  let database: OpenDatabase;
  const now = new Date();
  const state: DiagnosisState = { status: 'inactive', isSiteAdmin: false, isDirectoryManaged: false, retention: 'deactivated', deletesAt: null, mailedGuidance: false };
  const record = (siteId: number | null) =>
    createDiagnosis(database.db, { locale: 'en', problem: 'deactivated', outcome: 'site-admin-contact', siteId, subjectUserId: null, state }, now);

  beforeAll(async () => {
    database = await useDemoDatabase(now);
  });
  afterAll(async () => database.close());

  it("finds this site's diagnoses and those of unknown addresses, never another site's", async () => {
    const acme = (await findSite(database.db, { slug: 'acme' }))!;
    const globex = (await findSite(database.db, { slug: 'globex' }))!;
    const own = await record(acme.id);
    const other = await record(globex.id);
    const unknown = await record(null);

    expect(await getDiagnosis(database.db, acme.id, own.code, now)).toMatchObject({ code: own.code, siteId: acme.id });
    expect(await getDiagnosis(database.db, acme.id, unknown.code, now)).toMatchObject({ code: unknown.code, siteId: null });
    expect(await getDiagnosis(database.db, acme.id, other.code, now)).toBeUndefined();
    expect(await getDiagnosis(database.db, globex.id, other.code, now)).toMatchObject({ code: other.code });
  });

  it('finds nothing once a diagnosis has expired', async () => {
    const acme = (await findSite(database.db, { slug: 'acme' }))!;
    const own = await record(acme.id);
    expect(await getDiagnosis(database.db, acme.id, own.code, own.expiresAt)).toBeUndefined();
  });
});
