import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { auditEvents, users } from '@/lib/db/schema';
import { useDemoDatabase } from '@/lib/testing/database';
import { runPurge } from './purge';

const day = 24 * 60 * 60 * 1000;

describe('the lifecycle purge', () => {
  let database: OpenDatabase;
  const seededAt = new Date('2026-11-01T09:30:00Z');
  const remaining = async () => (await database.db.select({ email: users.email }).from(users).where(eq(users.status, 'inactive'))).map((r) => r.email).sort();

  beforeAll(async () => {
    database = await useDemoDatabase(seededAt);
  });
  afterAll(async () => database.close());

  it('deletes nothing before any retention has run out', async () => {
    const report = await runPurge(database.db, new Date(seededAt.getTime() + 4 * day), { dryRun: false });
    expect(report.accounts).toEqual([]);
  });

  it('a dry run lists what is due and changes nothing', async () => {
    const before = await remaining();
    const report = await runPurge(database.db, new Date(seededAt.getTime() + 21 * day), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.accounts.map((a) => [a.email, a.policy]).sort()).toEqual([
      ['ad.removed@acme.example', 'removed-from-directory'],
      ['deactivated.host@acme.example', 'deactivated'],
      ['deactivated.host@globex.example', 'deactivated'],
    ]);
    expect(await remaining()).toEqual(before);
  });

  it('deletes exactly those (30 days inactive, 7 after removal from the directory), audited on their sites', async () => {
    const at = new Date(seededAt.getTime() + 21 * day);
    const report = await runPurge(database.db, at, { dryRun: false });
    expect(report.accounts).toHaveLength(3);
    // Kept: disabled in the directory (never deleted), an administrator deactivated 3 days before seeding (due at
    // day 27) and the consultant's globex account deactivated 5 days before (due at day 25).
    expect(await remaining()).toEqual(['ad.disabled@acme.example', 'consultant@partner.example', 'locked.admin@acme.example']);
    const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.purged'));
    expect(audited.map((e) => e.targetLabel).sort()).toEqual(['ad.removed@acme.example', 'deactivated.host@acme.example', 'deactivated.host@globex.example']);
    expect(audited.every((e) => e.actorUserId === null && e.actorLabel === 'lifecycle')).toBe(true);
  });

  it('is idempotent: the same run again deletes nothing more', async () => {
    const report = await runPurge(database.db, new Date(seededAt.getTime() + 21 * day), { dryRun: false });
    expect(report.accounts).toEqual([]);
  });

  it('never deletes an account disabled in the directory, however long it waits', async () => {
    await runPurge(database.db, new Date(seededAt.getTime() + 3650 * day), { dryRun: false });
    expect(await remaining()).toEqual(['ad.disabled@acme.example']);
  });
});
