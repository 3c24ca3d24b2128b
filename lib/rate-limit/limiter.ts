import 'server-only';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { env } from '@/lib/config/env';
import { log } from '@/lib/server/log';
import { keyedHash } from '@/lib/server/secret';
import { policies, type LimitRule, type PolicyName } from './policies';

export type LimitResult = { ok: true } | { ok: false; retryAfterMs: number };

type Limiters = Map<string, RateLimiterAbstract>;
const store = globalThis as typeof globalThis & { __signpostLimiters?: Limiters; __signpostRedis?: Redis };

/** How long a rate-limit check waits for Redis before counting in memory instead. */
export const redisCommandTimeoutMs = 1_000;

function redis(): Redis | undefined {
  if (!env.REDIS_URL) return undefined;
  if (!store.__signpostRedis) {
    store.__signpostRedis = new Redis(env.REDIS_URL, {
      // Commands wait for the connection being made (the first requests after a start used to skip
      // Redis and count in one server's memory only)...
      enableOfflineQueue: true,
      // ...but never long: a command with no answer in this time fails, and the limiter counts in
      // this server's memory instead (a hung Redis used to hold a form post for 30 s).
      commandTimeout: redisCommandTimeoutMs,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
    });
    const client = store.__signpostRedis;
    let lastLogged = 0;
    let down = false;
    client.on('error', (error) => {
      down = true;
      // One line per outage every half minute, not one per limiter and command.
      if (Date.now() - lastLogged < 30_000) return;
      lastLogged = Date.now();
      log.error('rate-limit.redis', error, { fallback: 'each server counts in its own memory until Redis answers' });
    });
    client.on('ready', () => {
      // Once connected, a lost connection fails commands at once (counted in memory) instead of
      // queueing each request's check for the command timeout while Redis is down.
      client.options.enableOfflineQueue = false;
      if (down) log.info('rate-limit.redis-back', {});
      down = false;
    });
  }
  return store.__signpostRedis;
}

/**
 * Whether the shared limits are in Redis right now, for the readiness answer: `degraded` means
 * each server counts in its own memory until Redis is back (the server still serves).
 */
export function redisState(): 'ok' | 'degraded' | 'not-configured' {
  const client = redis();
  if (!client) return 'not-configured';
  return client.status === 'ready' ? 'ok' : 'degraded';
}

/** At shutdown: ends the Redis connection after the commands already sent. */
export async function closeRedis(): Promise<void> {
  const client = store.__signpostRedis;
  if (client && client.status !== 'end') await client.quit().catch(() => client.disconnect());
}

function limiterFor(name: string, rule: LimitRule): RateLimiterAbstract {
  const limiters = (store.__signpostLimiters ??= new Map());
  let limiter = limiters.get(name);
  if (!limiter) {
    const options = { keyPrefix: `signpost:${name}`, points: rule.points, duration: rule.durationSeconds };
    const client = redis();
    limiter = client
      ? // If Redis is down, each server keeps counting in memory instead of letting everything through.
        new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    limiters.set(name, limiter);
  }
  return limiter;
}

/** One address from one client, as a keyed hash like the address alone. */
const pairKey = (email: string, clientIp: string) => keyedHash('rate-limit', `${email}\n${clientIp}`);

/**
 * Counts one attempt against a policy for this client (and, when given, for the email address
 * from this client and from every client: see policies.ts). Email addresses are only kept as
 * keyed hashes.
 */
export async function consume(policy: PolicyName, keys: { clientIp: string; email?: string }): Promise<LimitResult> {
  const definition = policies[policy];
  const checks: Array<Promise<unknown>> = [limiterFor(`${policy}:client`, definition.perClient).consume(keys.clientIp)];
  if (keys.email && 'perEmailAndClient' in definition) {
    checks.push(limiterFor(`${policy}:email-client`, definition.perEmailAndClient).consume(pairKey(keys.email, keys.clientIp)));
  }
  if (keys.email && 'perEmail' in definition) {
    checks.push(limiterFor(`${policy}:email`, definition.perEmail).consume(keyedHash('rate-limit', keys.email)));
  }
  const results = await Promise.allSettled(checks);
  let retryAfterMs = 0;
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    retryAfterMs = Math.max(retryAfterMs, result.reason.msBeforeNext);
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterMs } : { ok: true };
}

/** Forgets the count for an email address (a successful sign-in clears its failures). */
export async function reset(policy: PolicyName, email: string): Promise<void> {
  const definition = policies[policy];
  if ('perEmail' in definition) await limiterFor(`${policy}:email`, definition.perEmail).delete(keyedHash('rate-limit', email));
}

/** Gives back one attempt counted by `consume` (a sign-in counted before its check, then successful). */
export async function refund(policy: PolicyName, keys: { clientIp: string; email?: string }): Promise<void> {
  const definition = policies[policy];
  const refunds: Array<Promise<unknown>> = [limiterFor(`${policy}:client`, definition.perClient).reward(keys.clientIp, 1)];
  if (keys.email && 'perEmailAndClient' in definition) {
    refunds.push(limiterFor(`${policy}:email-client`, definition.perEmailAndClient).reward(pairKey(keys.email, keys.clientIp), 1));
  }
  if (keys.email && 'perEmail' in definition) {
    refunds.push(limiterFor(`${policy}:email`, definition.perEmail).reward(keyedHash('rate-limit', keys.email), 1));
  }
  await Promise.all(refunds);
}
