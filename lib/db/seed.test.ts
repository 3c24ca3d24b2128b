import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { openDatabase } from './client';
import { organizations, sites, users } from './schema';
import { demoAdminPassword } from '@/lib/admin/demo';
import { seedDemoData } from './seed';

const day = 24 * 60 * 60 * 1000;

describe('seedDemoData', () => {
  it('creates exactly the demo accounts, dated relative to now, and resets them when run again', async () => {
    const { db, close } = await openDatabase({ dataDir: 'memory' });
    try {
      const now = new Date('2026-11-21T09:00:00Z');
      expect(await seedDemoData(db, now)).toEqual({ sites: 2, users: 11 });

      const rows = await db.select().from(users).orderBy(asc(users.email));
      expect(rows.map((u) => u.email)).toEqual([
        'active.host@acme.example',
        'ad.disabled@acme.example',
        'ad.removed@acme.example',
        'consultant@partner.example',
        'consultant@partner.example',
        'deactivated.host@acme.example',
        'deactivated.host@globex.example',
        'locked.admin@acme.example',
        'site.admin@acme.example',
        'unverified.host@acme.example',
        'verified.host@acme.example',
      ]);
      const byEmail = new Map(rows.map((u) => [u.email, u]));
      expect(byEmail.get('deactivated.host@acme.example')).toMatchObject({ status: 'inactive', isSiteAdmin: false });
      expect(byEmail.get('deactivated.host@acme.example')!.deactivatedAt!.getTime()).toBe(now.getTime() - 10 * day);
      expect(byEmail.get('ad.removed@acme.example')).toMatchObject({ isDirectorySynced: true, directoryState: 'removed' });
      expect(byEmail.get('ad.disabled@acme.example')).toMatchObject({ isDirectorySynced: true, directoryState: 'disabled' });
      expect(byEmail.get('locked.admin@acme.example')).toMatchObject({ status: 'inactive', isSiteAdmin: true });
      expect(byEmail.get('deactivated.host@globex.example')!.deactivatedAt!.getTime()).toBe(now.getTime() - 25 * day);
      expect(await verifyPassword(demoAdminPassword, byEmail.get('site.admin@acme.example')!.passwordHash!)).toBe(true);

      const [acme] = await db.select().from(sites).where(eq(sites.slug, 'acme'));
      expect(acme).toMatchObject({ contactEmail: 'help@acme.example', privacyMode: false });
      const [globex] = await db.select().from(sites).where(eq(sites.slug, 'globex'));
      expect(globex).toMatchObject({ contactName: null, contactEmail: null, contactPhone: null, contactMessage: null });
      expect((await db.select().from(organizations)).every((o) => o.csmEmail)).toBe(true);

      // An administrator reactivates someone; seeding again on a later day restores the demo.
      await db.update(users).set({ status: 'active', deactivatedAt: null }).where(eq(users.email, 'deactivated.host@acme.example'));
      const later = new Date(now.getTime() + 3 * day);
      expect(await seedDemoData(db, later)).toEqual({ sites: 2, users: 11 });
      const [again] = await db.select().from(users).where(eq(users.email, 'deactivated.host@acme.example'));
      expect(again).toMatchObject({ status: 'inactive' });
      expect(again!.deactivatedAt!.getTime()).toBe(later.getTime() - 10 * day);
      expect(await db.select().from(users)).toHaveLength(11);
      expect(await db.select().from(sites)).toHaveLength(2);
    } finally {
      await close();
    }
  });
});
