import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

export type Readiness = { ready: boolean; database: 'ok' | 'unavailable' };

/** How long readiness waits for the database: a load balancer's probe must not hang on a hung database. */
const databaseTimeoutMs = 2_000;

/**
 * Whether this server can answer the requests that need it: its database runs a query within
 * two seconds. (Rate limits without Redis fall back to each server's memory, so Redis does not
 * decide readiness.) For load balancers: /api/health says the process is up, /api/ready that
 * it should get traffic.
 */
export async function checkReadiness(): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database timeout')), databaseTimeoutMs);
  });
  try {
    await Promise.race([getDb().then((db) => db.execute(sql`select 1`)), timeout]);
    return { ready: true, database: 'ok' };
  } catch {
    return { ready: false, database: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}
