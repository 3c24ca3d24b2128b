import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { redisState } from '@/lib/rate-limit/limiter';

export type Readiness = { ready: boolean; database: 'ok' | 'unavailable'; rateLimits: ReturnType<typeof redisState> };

/** How long readiness waits for the database: a load balancer's probe must not hang on a hung database. */
const databaseTimeoutMs = 2_000;

/**
 * Whether this server can answer the requests that need it: its database runs a query within
 * two seconds. Redis does not decide readiness: without it the limits fall back to each server's
 * memory (looser across servers, still enforced), and failing every server's probe at once would
 * turn that into a full outage; the answer names it (`rateLimits: degraded`) for monitoring.
 * For load balancers: /api/health says the process is up, /api/ready that it should get traffic.
 */
export async function checkReadiness(): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database timeout')), databaseTimeoutMs);
  });
  try {
    await Promise.race([getDb().then((db) => db.execute(sql`select 1`)), timeout]);
    return { ready: true, database: 'ok', rateLimits: redisState() };
  } catch {
    return { ready: false, database: 'unavailable', rateLimits: redisState() };
  } finally {
    clearTimeout(timer);
  }
}
