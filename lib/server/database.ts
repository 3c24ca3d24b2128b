import 'server-only';
import { getDb, type Database } from '@/lib/db/client';
import { log } from './log';

export type Unavailable = { kind: 'unavailable' };
const unavailable: Unavailable = { kind: 'unavailable' };

/**
 * The one way server code reaches the process's database: services and
 * repositories take `db` as an argument, and routes, pages and start-up hand it
 * to them through here. Any failure (the database unreachable, a query that
 * fails) is logged under `event` and becomes `unavailable`, so pages can still
 * give their fallback. `open` is for tests that need a database that fails.
 */
export async function withDatabase<T>(
  event: string,
  work: (db: Database) => Promise<T>,
  open: () => Promise<Database> = getDb,
): Promise<T | Unavailable> {
  try {
    return await work(await open());
  } catch (error) {
    log.error(event, error);
    return unavailable;
  }
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'unavailable';
}
