import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '@/lib/testing/postgres';
import { openDatabase, type OpenDatabase } from './client';
import { readOrCreateSharedSecret } from './shared-secret';

/** Servers on one Postgres without SIGNPOST_SECRET: each brings a candidate, all end up with one secret. */
describe('the shared secret on a real Postgres', () => {
  let postgres: TestPostgres;
  const opened: OpenDatabase[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 180_000);
  afterAll(async () => {
    await Promise.all(opened.map((database) => database.close().catch(() => {})));
    postgres?.stop();
  });

  it('is created once by servers starting together and read by every one, then and later', async () => {
    const servers = await Promise.all([1, 2, 3].map(() => openDatabase({ url: postgres.url })));
    opened.push(...servers);
    const candidates = ['first-'.padEnd(40, 'a'), 'second-'.padEnd(40, 'b'), 'third-'.padEnd(40, 'c')];
    const secrets = await Promise.all(servers.map((server, index) => readOrCreateSharedSecret(server.db, candidates[index]!)));
    expect(new Set(secrets).size).toBe(1);
    expect(candidates).toContain(secrets[0]);

    // A server started later (or restarted) gets the same one, whatever it generated.
    const later = await openDatabase({ url: postgres.url });
    opened.push(later);
    expect(await readOrCreateSharedSecret(later.db, 'later-'.padEnd(40, 'd'))).toBe(secrets[0]);
    const { rows } = (await later.db.execute(sql`select count(*)::int as n from shared_settings`)) as unknown as { rows: Array<{ n: number }> };
    expect(rows).toEqual([{ n: 1 }]);
  }, 120_000);
});
