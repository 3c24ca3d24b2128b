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

  it('two servers saving reset links of one account at once: exactly one wins; queued mail requests are handled once', async () => {
    const [first, second] = opened;
    const { findAccountsByEmail } = await import('@/lib/accounts/repository');
    const { issueToken } = await import('@/lib/account-recovery/token-store');
    const { resetPassword } = await import('@/lib/account-recovery/service');
    const { handleMailRequests, queueMailRequest } = await import('@/lib/account-recovery/mail-requests');
    const now = new Date();
    const [account] = await findAccountsByEmail(first!.db, 'active.host@acme.example');
    const link = () => issueToken(first!.db, { userId: account!.id, purpose: 'reset-password', expiresAt: new Date(now.getTime() + 3_600_000), now });
    // One link saved twice at once, then two links of the account saved at once, on two servers' pools.
    for (const twoLinks of [false, true]) {
      // Issued now: the previous save ended every link open before it.
      const a = await link();
      const b = twoLinks ? await link() : a;
      const results = await Promise.all([resetPassword(first!.db, a, 'first long password', now), resetPassword(second!.db, b, 'second long password', now)]);
      expect(results.map((result) => result.kind).sort()).toEqual(['invalid', 'saved']);
    }

    for (let n = 0; n < 10; n++) await queueMailRequest(first!.db, { flow: 'forgot-password', email: `nobody${n}@nowhere.example`, siteSlug: null, locale: 'en', referenceCode: `SP-0000-000${n}` }, now);
    const handled = await Promise.all(opened.map((database) => handleMailRequests(database.db, now)));
    expect(handled.reduce((sum, n) => sum + n, 0)).toBe(10);
  }, 60_000);

  it('a database stopped and started again: queries fail while it is down, nothing written is lost, and the same pool works again without a restart', async () => {
    const database = opened[0]!;
    await database.db.execute(sql`create table if not exists restart_probe (n int)`);
    await database.db.execute(sql`insert into restart_probe values (1)`);
    postgres.shutDown();
    try {
      await expect(database.db.execute(sql`select 1`)).rejects.toThrow();
    } finally {
      postgres.startAgain();
    }
    await expect.poll(async () => database.db.execute(sql`select 1`).then(() => true, () => false), { timeout: 20_000 }).toBe(true);
    const { rows } = (await database.db.execute(sql`select count(*)::int as n from restart_probe`)) as unknown as { rows: Array<{ n: number }> };
    expect(rows[0]!.n).toBe(1);
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
