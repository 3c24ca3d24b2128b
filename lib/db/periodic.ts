import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { periodicJobs } from './schema';

/**
 * Timers on different servers drift apart by a few milliseconds per tick; a claim this close to
 * the full interval still counts, so the server that ran the job last can run it again on time.
 */
const toleranceMs = 5_000;

/**
 * Claims the next run of a periodic job for `server`: true when the job last started at least
 * `intervalMs` ago (or never), false when another server (or this one) already started it in this
 * interval. One statement, insert or conditional update: two servers claiming at the same moment
 * meet on the row lock and the second sees the first's claim, so exactly one gets true.
 * Works the same on the embedded database (one process, where it is simply a timestamp).
 */
export async function claimPeriodicRun(db: Database, job: string, options: { now: Date; intervalMs: number; server: string }): Promise<boolean> {
  const due = new Date(options.now.getTime() - options.intervalMs + toleranceMs);
  const claimed = await db
    .insert(periodicJobs)
    .values({ name: job, startedAt: options.now, startedBy: options.server })
    .onConflictDoUpdate({
      target: periodicJobs.name,
      set: { startedAt: options.now, startedBy: options.server },
      setWhere: sql`${periodicJobs.startedAt} <= ${due.toISOString()}`,
    })
    .returning({ name: periodicJobs.name });
  return claimed.length === 1;
}
