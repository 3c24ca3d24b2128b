import 'server-only';
import { count } from 'drizzle-orm';
import { runPurge } from '@/lib/admin/purge';
import { env, productionProblems } from '@/lib/config/env';
import { flushFallbackViews } from '@/lib/content/fallback-views-store';
import { getDb } from '@/lib/db/client';
import { sites } from '@/lib/db/schema';
import { seedDemoData } from '@/lib/db/seed';
import { preloadSearchIndexes } from '@/lib/search/server';
import { log } from './log';
import { installPeerAddressHeader } from './peer-address';

/**
 * At server start: open the database (which applies any pending migrations) and,
 * when it is empty and SEED_DEMO allows, seed the demo data. A database that is
 * down does not stop the server: pages that need it show their fallback.
 */
export async function prepareDatabase(): Promise<void> {
  try {
    const db = await getDb();
    if (env.SEED_DEMO) {
      const [row] = await db.select({ value: count() }).from(sites);
      if ((row?.value ?? 0) === 0) {
        const summary = await seedDemoData(db);
        log.info('seed.demo', summary);
      }
    }
    log.info('database.ready', { embedded: !env.DATABASE_URL });
  } catch (error) {
    log.error('database.unavailable-at-start', error);
  }
}

const store = globalThis as typeof globalThis & { __signpostPurgeTimer?: NodeJS.Timeout; __signpostViewsTimer?: NodeJS.Timeout };

/**
 * The lifecycle purge while the server is up: a minute after start, then every
 * PURGE_INTERVAL_MINUTES (60 by default; never more often; 0 turns it off, for
 * deployments that run `npm run purge` from a scheduler instead).
 */
function schedulePurge(): void {
  if (env.PURGE_INTERVAL_MINUTES === 0 || store.__signpostPurgeTimer) return;
  const run = async () => {
    try {
      await runPurge(await getDb(), new Date(), { dryRun: false });
    } catch (error) {
      log.error('purge.failed', error);
    }
  };
  setTimeout(run, 60_000).unref();
  store.__signpostPurgeTimer = setInterval(run, env.PURGE_INTERVAL_MINUTES * 60_000).unref();
}

/** Everything the server does once, before its first request. */
export async function startServer(): Promise<void> {
  const problems = productionProblems(env);
  if (problems.length > 0) {
    // Refuse to serve rather than run a production site that cannot send email or keep sessions.
    console.error(`Signpost cannot start:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  installPeerAddressHeader();
  preloadSearchIndexes();
  await prepareDatabase();
  schedulePurge();
  // The proxy counts fallback page views in memory; they reach the database once a minute.
  store.__signpostViewsTimer ??= setInterval(() => {
    getDb()
      .then((db) => flushFallbackViews(db))
      .catch((error: unknown) => log.error('fallback-views.flush', error));
  }, 60_000).unref();
}
