import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSite } from '@/lib/accounts/repository';
import type { OpenDatabase } from '@/lib/db/client';
import { createDiagnosis } from '@/lib/sign-in-help/repository';
import type { DiagnosisState } from '@/lib/sign-in-help/types';
import { useDemoDatabase } from '@/lib/testing/database';
import { eq } from 'drizzle-orm';
import { users } from '@/lib/db/schema';
import { countAudit, getDiagnosis, listAudit, listAuditActors, recordAudit } from './repository';

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

describe('the audit log query (site administration)', () => {
  let database: OpenDatabase;
  const now = new Date('2026-12-04T12:00:00Z');

  beforeAll(async () => {
    database = await useDemoDatabase(now);
  });
  afterAll(async () => database.close());

  it("filters this site's entries by actor id, system, action, changes only and UTC days, and lists the actors", async () => {
    const acme = (await findSite(database.db, { slug: 'acme' }))!;
    const globex = (await findSite(database.db, { slug: 'globex' }))!;
    const at = (iso: string) => new Date(iso);
    const entry = (siteId: number, actorUserId: number | null, action: string, iso: string) =>
      recordAudit(database.db, { siteId, actorUserId, actorLabel: actorUserId ? `admin${actorUserId}@acme.example` : 'lifecycle', action }, at(iso));
    const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, 'site.admin@acme.example'));
    const adminId = admin!.id;
    await entry(acme.id, adminId, 'sign-in', '2026-12-01T08:00:00Z');
    await entry(acme.id, adminId, 'user.deactivate', '2026-12-01T23:59:59Z');
    await entry(acme.id, null, 'user.purged', '2026-12-02T03:00:00Z');
    await entry(acme.id, adminId, 'user.reactivate', '2026-12-03T00:00:00Z');
    await entry(globex.id, null, 'user.purged', '2026-12-01T10:00:00Z');

    const list = async (filter: Parameters<typeof listAudit>[2]) => (await listAudit(database.db, acme.id, filter, { offset: 0, limit: 50 })).map((row) => row.action);
    expect(await countAudit(database.db, acme.id)).toBe(4);
    expect(await list({})).toEqual(['user.reactivate', 'user.purged', 'user.deactivate', 'sign-in']);
    expect(await list({ action: 'changes' })).toEqual(['user.reactivate', 'user.purged', 'user.deactivate']);
    expect(await list({ actor: 'system' })).toEqual(['user.purged']);
    expect(await list({ actor: adminId, action: 'user.deactivate' })).toEqual(['user.deactivate']);
    expect(await list({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['user.deactivate', 'sign-in']);
    expect(await list({ from: '2026-12-02' })).toEqual(['user.reactivate', 'user.purged']);
    expect(await countAudit(database.db, acme.id, { to: '2026-12-02' })).toBe(3);
    expect(await listAuditActors(database.db, acme.id)).toEqual([{ id: adminId, label: `admin${adminId}@acme.example` }]);
  });
});
