import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '@/lib/testing/postgres';
import { openDatabase, type OpenDatabase } from './client';
import { seedDemoData } from './seed';

/**
 * The database layer on Debian's Postgres, as several servers use it: started together they
 * migrate and seed once, and a database that stops answering fails a query instead of holding it.
 */
describe('on a real Postgres', () => {
  let postgres: TestPostgres;
  const opened: OpenDatabase[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 180_000);
  afterAll(async () => {
    for (const pid of postgres?.pids() ?? []) process.kill(pid, 'SIGCONT');
    await Promise.all(opened.map((database) => database.close().catch(() => {})));
    postgres?.stop();
  });

  it('three servers opening a fresh database at once migrate it once, and seeding together makes one of each', async () => {
    const three = await Promise.all([1, 2, 3].map(() => openDatabase({ url: postgres.url })));
    opened.push(...three);
    await Promise.all(three.map((database) => seedDemoData(database.db)));
    const { rows } = (await three[0]!.db.execute(sql`select name, count(*)::int as n from organizations group by name order by name`)) as unknown as {
      rows: Array<{ name: string; n: number }>;
    };
    expect(rows).toEqual([
      { name: 'Acme', n: 1 },
      { name: 'Globex', n: 1 },
    ]);
  }, 120_000);

  it('fails a query on a database that stopped answering, rather than waiting for it', async () => {
    const database = opened[0]!;
    await database.db.execute(sql`select 1`);
    const pids = postgres.pids();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      await expect(database.db.execute(sql`select 1`)).rejects.toThrow();
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    // And it recovers without a restart.
    await expect.poll(async () => database.db.execute(sql`select 1`).then(() => true, () => false), { timeout: 20_000 }).toBe(true);
  }, 60_000);
});
