import 'server-only';
import { hostname } from 'node:os';
import { countSites } from '@/lib/accounts/repository';
import { runScheduledPurge } from '@/lib/admin/purge';
import { env, productionProblems } from '@/lib/config/env';
import { flushFallbackViews } from '@/lib/content/fallback-views-store';
import { seedDemoData } from '@/lib/db/seed';
import { preloadSearchIndexes } from '@/lib/search/server';
import { closeDb } from '@/lib/db/client';
import { closeRedis } from '@/lib/rate-limit/limiter';
import { withDatabase } from './database';
import { log } from './log';
import { startMailWorker, stopMailWorker } from './mail-worker';
import { installPeerAddressHeader } from './peer-address';
import { onShutdown } from './shutdown';

/**
 * At server start: open the database (which applies any pending migrations) and,
 * when it is empty and SEED_DEMO allows, seed the demo data. A database that is
 * down does not stop the server: pages that need it show their fallback.
 */
async function prepareDatabase(): Promise<void> {
  const result = await withDatabase('database.unavailable-at-start', async (db) => {
    if (env.SEED_DEMO && (await countSites(db)) === 0) log.info('seed.demo', await seedDemoData(db));
    return { kind: 'ready' } as const;
  });
  if (result.kind === 'ready') log.info('database.ready', { embedded: !env.DATABASE_URL });
}

const store = globalThis as typeof globalThis & { __signpostPurgeTimer?: NodeJS.Timeout; __signpostViewsTimer?: NodeJS.Timeout };

/** This server, in the periodic job table: which one ran the purge last. */
const serverName = `${hostname()}:${process.pid}`;

/**
 * The lifecycle purge while the server is up: a minute after start, then every
 * PURGE_INTERVAL_MINUTES (60 by default; never more often; 0 turns it off, for
 * deployments that run `npm run purge` from a scheduler instead). Every server
 * keeps the timer, and the first to claim the interval in the database runs it:
 * one purge per interval however many servers, and still one when a server stops.
 */
function schedulePurge(): void {
  if (env.PURGE_INTERVAL_MINUTES === 0 || store.__signpostPurgeTimer) return;
  const intervalMs = env.PURGE_INTERVAL_MINUTES * 60_000;
  const run = () => withDatabase('purge.failed', (db) => runScheduledPurge(db, new Date(), { intervalMs, server: serverName }));
  setTimeout(run, 60_000).unref();
  store.__signpostPurgeTimer = setInterval(run, intervalMs).unref();
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
  // The proxy counts fallback page views in memory; they reach the database once a minute, and at shutdown.
  store.__signpostViewsTimer ??= setInterval(() => void withDatabase('fallback-views.flush', flushFallbackViews), 60_000).unref();
  // Every email goes through the outbox; the worker delivers it off the request path, with retries.
  startMailWorker();
  scheduleShutdown();
}

/**
 * What a stopping server does once Next has stopped accepting requests and finished those in
 * flight (lib/server/shutdown.ts): no more timers (and the mail worker's run in progress finished),
 * the last view counts written, pools closed.
 */
const stopTimers = async () => {
  for (const timer of [store.__signpostPurgeTimer, store.__signpostViewsTimer]) clearInterval(timer);
  await stopMailWorker();
};
const flushViews = async () => void (await withDatabase('fallback-views.flush', flushFallbackViews));

function scheduleShutdown(): void {
  for (const step of [stopTimers, flushViews, closeRedis, closeDb]) onShutdown(step);
}
