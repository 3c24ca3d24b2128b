import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/db/client';
import { openDatabase } from '@/lib/db/client';
import { listSearchMisses, recordSearchMiss } from './misses';

describe('search misses', () => {
  let database: OpenDatabase;
  const now = new Date('2026-11-21T10:00:00Z');
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
  });
  afterAll(async () => database.close());

  it('counts the same query (after redaction and case folding) as one row per locale', async () => {
    const { db } = database;
    expect(await recordSearchMiss(db, { query: 'Konto gesperrt anna@firma.de', locale: 'de' }, now)).toBe(true);
    expect(await recordSearchMiss(db, { query: '  konto  GESPERRT  max@firma.de', locale: 'de' }, now)).toBe(true);
    expect(await recordSearchMiss(db, { query: 'konto gesperrt [email]', locale: 'sv' }, now)).toBe(true);
    expect(await recordSearchMiss(db, { query: 'jan@firma.cz', locale: 'cs' }, now)).toBe(false);

    const misses = await listSearchMisses(db, { since: new Date(now.getTime() - 1000), limit: 10 });
    expect(misses.map(({ locale, query, count }) => ({ locale, query, count }))).toEqual([
      { locale: 'de', query: 'konto gesperrt [email]', count: 2 },
      { locale: 'sv', query: 'konto gesperrt [email]', count: 1 },
    ]);
    expect(JSON.stringify(misses)).not.toContain('@');
  });

  it('lists only what was seen since the given moment', async () => {
    expect(await listSearchMisses(database.db, { since: new Date(now.getTime() + 1000), limit: 10 })).toEqual([]);
  });
});
