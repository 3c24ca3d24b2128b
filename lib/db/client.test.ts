import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { organizations, sites, users } from './schema';

describe('openDatabase', () => {
  it('applies the migrations to a new database, and enforces normalized unique emails per site', async () => {
    const { db, close } = await openDatabase({ dataDir: 'memory' });
    try {
      const [org] = await db.insert(organizations).values({ name: 'Acme' }).returning();
      const [site] = await db.insert(sites).values({ slug: 'acme', name: 'Acme', organizationId: org!.id }).returning();
      await db.insert(users).values({ siteId: site!.id, email: 'a@acme.example', status: 'active' });
      await expect(db.insert(users).values({ siteId: site!.id, email: 'a@acme.example', status: 'active' })).rejects.toThrow();
      await expect(db.insert(users).values({ siteId: site!.id, email: 'B@acme.example', status: 'active' })).rejects.toThrow();
      await expect(db.insert(users).values({ siteId: site!.id, email: 'c@acme.example', status: 'inactive' })).rejects.toThrow();
      const result = (await db.execute(sql`select count(*)::int as count from users`)) as unknown as { rows: Array<{ count: number }> };
      expect(result.rows[0]?.count).toBe(1);
    } finally {
      await close();
    }
  });

  it('refuses an embedded data folder another live process holds, and reopens its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signpost-db-'));
    writeFileSync(path.join(dir, 'pglite.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);

    writeFileSync(path.join(dir, 'pglite.lock'), '999999999');
    const first = await openDatabase({ dataDir: dir });
    await first.db.insert(organizations).values({ name: 'Kept' });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect((await second.db.select().from(organizations)).map((o) => o.name)).toEqual(['Kept']);
    await second.close();
  });
});
