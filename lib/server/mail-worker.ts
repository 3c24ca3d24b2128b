import 'server-only';
import { dropStaleMailRequests, handleMailRequests } from '@/lib/account-recovery/mail-requests';
import type { Database } from '@/lib/db/client';
import { deliverOutbox, onMailQueued } from '@/lib/mail/mailer';
import { withDatabase } from './database';

/**
 * The mail worker: turns queued mail requests into outbox messages and delivers the outbox through
 * the relay, off the request path. It runs shortly after something is queued on this server (one
 * run for a burst), and every minute on every server for what other servers left, for retries that
 * have come due, and for anything a stopped server did not finish. Claims are SKIP LOCKED, so
 * servers share the work without doing any of it twice.
 */

const soonMs = 250;
const store = globalThis as typeof globalThis & { __signpostMailSoon?: NodeJS.Timeout; __signpostMailRunning?: Promise<void>; __signpostMailSweep?: NodeJS.Timeout };

/** One pass: every pending request, then the outbox, until a pass finds nothing left to do. */
async function runMailWork(db: Database, now: () => Date = () => new Date()): Promise<{ requests: number; sent: number; failed: number }> {
  const total = { requests: 0, sent: 0, failed: 0 };
  for (let pass = 0; pass < 20; pass++) {
    const requests = await handleMailRequests(db, now());
    const { sent, failed } = await deliverOutbox(db, now());
    total.requests += requests;
    total.sent += sent;
    total.failed += failed;
    if (requests === 0 && sent + failed === 0) break;
  }
  return total;
}

let again = false;

/** Runs the worker now, or once more right after the run in progress (which may have passed what was just queued). */
function runNow(): void {
  if (store.__signpostMailRunning) {
    again = true;
    return;
  }
  store.__signpostMailRunning = withDatabase('mail.worker', (db) => runMailWork(db)).then(() => {
    store.__signpostMailRunning = undefined;
    if (again) {
      again = false;
      runNow();
    }
  });
}

/** Runs the worker a moment from now (whatever is queued meanwhile joins that run). */
function scheduleMailWork(): void {
  if (store.__signpostMailSoon) return;
  store.__signpostMailSoon = setTimeout(() => {
    store.__signpostMailSoon = undefined;
    runNow();
  }, soonMs);
  store.__signpostMailSoon.unref();
}

/** At server start: run after every queued email, and sweep every minute. */
export function startMailWorker(): void {
  onMailQueued(scheduleMailWork);
  store.__signpostMailSweep ??= setInterval(() => {
    runNow();
    void withDatabase('mail.stale-requests', (db) => dropStaleMailRequests(db, new Date()));
  }, 60_000).unref();
  scheduleMailWork();
}

/** On shutdown: no more runs, and the one in progress finished (its claims would otherwise wait for another server's sweep). */
export async function stopMailWorker(): Promise<void> {
  clearInterval(store.__signpostMailSweep);
  clearTimeout(store.__signpostMailSoon);
  store.__signpostMailSweep = undefined;
  store.__signpostMailSoon = undefined;
  onMailQueued(() => {});
  await store.__signpostMailRunning;
}
