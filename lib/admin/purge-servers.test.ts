import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { seedDemoData } from '@/lib/db/seed';
import { startPostgres, type TestPostgres } from '@/lib/testing/postgres';
import { runScheduledPurge } from './purge';

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/** Two servers on one Postgres, each with its purge timer: one purge per interval, each deletion audited once. */
describe('the scheduled purge on two servers', () => {
  let postgres: TestPostgres;
  let servers: OpenDatabase[] = [];
  const seededAt = new Date('2026-11-01T09:30:00Z');

  beforeAll(async () => {
    postgres = await startPostgres();
    servers = await Promise.all([1, 2].map(() => openDatabase({ url: postgres.url })));
    await seedDemoData(servers[0]!.db, seededAt);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close().catch(() => {})));
    postgres?.stop();
  });

  const bothAt = (now: Date) =>
    Promise.all(servers.map((server, index) => runScheduledPurge(server.db, now, { intervalMs: hour, server: `server-${index}` })));

  it('runs on exactly one server when both timers fire together, and again only in the next interval', async () => {
    const first = new Date(seededAt.getTime() + 21 * day);
    const ran = await bothAt(first);
    expect(ran.filter((report) => report !== undefined)).toHaveLength(1);
    expect(ran.find((report) => report !== undefined)?.accounts).toHaveLength(3);

    // Half an hour later (the other server's timer, or a restart): nobody runs it.
    expect((await bothAt(new Date(first.getTime() + hour / 2))).filter((report) => report !== undefined)).toHaveLength(0);
    // An interval later: one of them does.
    expect((await bothAt(new Date(first.getTime() + hour))).filter((report) => report !== undefined)).toHaveLength(1);

    const { rows } = (await servers[1]!.db.execute(sql`select started_by from periodic_jobs where name = 'purge'`)) as unknown as { rows: Array<{ started_by: string }> };
    expect(rows).toHaveLength(1);
    const audited = await servers[1]!.db.select({ target: auditEvents.targetLabel }).from(auditEvents).where(eq(auditEvents.action, 'user.purged'));
    expect(audited.map((row) => row.target).sort()).toEqual(['ad.removed@acme.example', 'deactivated.host@acme.example', 'deactivated.host@globex.example']);
  }, 60_000);

  it('many rounds of simultaneous timers never run it twice in one interval', async () => {
    const start = new Date(seededAt.getTime() + 30 * day);
    let runs = 0;
    for (let round = 0; round < 10; round++) {
      // Two ticks per interval per server, all at once: 10 rounds cover 5 intervals.
      const reports = await bothAt(new Date(start.getTime() + round * (hour / 2)));
      runs += reports.filter((report) => report !== undefined).length;
    }
    expect(runs).toBe(5);
  }, 60_000);
});
