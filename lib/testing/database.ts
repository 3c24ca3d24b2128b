import { openDatabase, type OpenDatabase } from '@/lib/db/client';
import { seedDemoData } from '@/lib/db/seed';

/**
 * A fresh in-memory database with the demo data, installed where getDb() looks
 * for the process's database, so services run against real Postgres semantics.
 */
export async function useDemoDatabase(now: Date = new Date()): Promise<OpenDatabase> {
  const opened = await openDatabase({ dataDir: 'memory' });
  await seedDemoData(opened.db, now);
  const store = globalThis as typeof globalThis & { __signpostDatabase?: { opening?: Promise<OpenDatabase>; failedAt?: number } };
  store.__signpostDatabase = { opening: Promise.resolve(opened) };
  return opened;
}

/** Makes getDb() fail as if the database were unreachable. */
export function breakDatabase(): void {
  const store = globalThis as typeof globalThis & { __signpostDatabase?: { opening?: Promise<OpenDatabase>; failedAt?: number } };
  store.__signpostDatabase = { opening: Promise.reject(new Error('connection refused (test)')) };
  store.__signpostDatabase.opening!.catch(() => {});
}
