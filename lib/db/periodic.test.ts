import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from './client';
import { claimPeriodicRun } from './periodic';

const hour = 60 * 60 * 1000;

/** The claim on the embedded database (one process; lib/admin/purge-servers.test.ts has two servers on Postgres). */
describe('claiming a periodic run', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
  });
  afterAll(async () => database.close());

  it('grants the first claim, refuses more in the same interval, and grants the next interval', async () => {
    const start = new Date('2026-12-04T10:00:00Z');
    const claim = (offsetMs: number, server = 'one') => claimPeriodicRun(database.db, 'purge', { now: new Date(start.getTime() + offsetMs), intervalMs: hour, server });
    expect(await claim(0)).toBe(true);
    expect(await claim(0, 'two')).toBe(false);
    expect(await claim(hour / 2)).toBe(false);
    // A timer a moment early still gets its interval (drift between ticks).
    expect(await claim(hour - 1_000, 'two')).toBe(true);
    expect(await claim(hour)).toBe(false);
    // Another job has an interval of its own.
    expect(await claimPeriodicRun(database.db, 'other', { now: start, intervalMs: hour, server: 'one' })).toBe(true);
  });
});
