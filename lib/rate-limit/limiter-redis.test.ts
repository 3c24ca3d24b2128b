import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findFreePort } from '@/scripts/lib/next-server';

/**
 * The limiter against a real Redis (Debian's redis-server, started here on loopback): counts
 * reach Redis from the first request, and a Redis that stops answering (SIGSTOP, as a hung
 * server does) costs a request at most the command timeout, and a stopped one nothing: the
 * count goes on in memory.
 */
describe('rate limits in Redis', () => {
  let redisServer: ChildProcess;
  let inspector: Redis;
  let limiter: typeof import('./limiter');
  let policies: typeof import('./policies').policies;

  beforeAll(async () => {
    const port = await findFreePort();
    redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      redisServer.once('error', (error) => reject(new Error(`redis-server could not start (apt-get install redis-server): ${error.message}`)));
      redisServer.once('spawn', () => resolve());
    });
    // Listening takes redis-server a moment: retry the first connection for up to ten seconds.
    inspector = new Redis({ port, host: '127.0.0.1', retryStrategy: (times) => (times > 100 ? null : 100) });
    inspector.on('error', () => {});
    await inspector.ping();
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    vi.resetModules();
    limiter = await import('./limiter');
    policies = (await import('./policies')).policies;
  });

  afterAll(async () => {
    delete process.env.REDIS_URL;
    inspector?.disconnect();
    if (redisServer?.pid && redisServer.exitCode === null && redisServer.signalCode === null) {
      process.kill(redisServer.pid, 'SIGCONT');
      redisServer.kill('SIGKILL');
    }
  });

  it('counts the very first request after start in Redis, not in one server’s memory', async () => {
    expect(await limiter.consume('lookup', { clientIp: '198.51.100.1', email: 'first@acme.example' })).toEqual({ ok: true });
    const keys = await inspector.keys('signpost:lookup:*');
    expect(keys.length).toBe(3); // the client's count, the address's from this client, and the address's
    expect(keys.join(' ')).not.toContain('first@acme.example'); // addresses only as keyed hashes
    expect(limiter.redisState()).toBe('ok');
  });

  it('keeps answering while Redis hangs, and still counts (in memory) until Redis is back', async () => {
    process.kill(redisServer.pid!, 'SIGSTOP');
    try {
      const email = 'while-hung@acme.example';
      // One client, so the tight allowance decides: each check waits for Redis's command timeout.
      for (let i = 0; i < policies.lookup.perEmailAndClient.points; i++) {
        expect(await limiter.consume('lookup', { clientIp: '198.51.100.20', email })).toEqual({ ok: true });
      }
      expect((await limiter.consume('lookup', { clientIp: '198.51.100.20', email })).ok).toBe(false);
    } finally {
      process.kill(redisServer.pid!, 'SIGCONT');
    }
    // Back: counts go to Redis again.
    await limiter.consume('lookup', { clientIp: '198.51.100.150', email: 'after@acme.example' });
    await expect.poll(async () => (await inspector.keys('signpost:lookup:*')).length, { timeout: 10_000 }).toBeGreaterThan(3);
  }, 60_000);

  it('keeps answering and counting in memory once Redis has stopped', async () => {
    redisServer.kill('SIGTERM');
    await new Promise((resolve) => redisServer.once('exit', resolve));
    const email = 'after-stop@acme.example';
    for (let i = 0; i < policies.lookup.perEmail.points; i++) {
      expect(await limiter.consume('lookup', { clientIp: `198.51.${100 + (i % 50)}.${60 + i}`, email })).toEqual({ ok: true });
    }
    expect((await limiter.consume('lookup', { clientIp: '198.51.100.250', email })).ok).toBe(false);
    // The readiness answer says so, without taking the server out of rotation.
    expect(limiter.redisState()).toBe('degraded');
  }, 60_000);
});
