import { openDatabase, type OpenDatabase } from '@/lib/db/client';
import { seedDemoData } from '@/lib/db/seed';

/**
 * A fresh in-memory database with the demo data, so services run against real
 * Postgres semantics. Tests hand its `db` to the services and repositories they
 * test; nothing is installed where the server looks for its database.
 */
export async function useDemoDatabase(now: Date = new Date()): Promise<OpenDatabase> {
  const opened = await openDatabase({ dataDir: 'memory' });
  await seedDemoData(opened.db, now);
  return opened;
}

/** An opener that fails as if the database were unreachable, for `withDatabase(event, work, open)`. */
export const unreachableDatabase = () => Promise.reject(new Error('connection refused (test)'));
