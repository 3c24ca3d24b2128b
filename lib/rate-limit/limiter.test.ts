import { describe, expect, it } from 'vitest';
import { consume, refund, reset } from './limiter';
import { minutesToWait, policies } from './policies';

describe('rate limits', () => {
  it('blocks an email address after its allowance, whatever the client, and says how long to wait', async () => {
    const email = `limit-${Date.now()}@acme.example`;
    for (let i = 0; i < policies.lookup.perEmail.points; i++) {
      expect(await consume('lookup', { clientIp: `198.51.100.${i}`, email })).toEqual({ ok: true });
    }
    const blocked = await consume('lookup', { clientIp: '198.51.100.200', email });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.retryAfterMs).toBeGreaterThan(0);
      expect(blocked.retryAfterMs).toBeLessThanOrEqual(policies.lookup.perEmail.durationSeconds * 1000);
      expect(minutesToWait(blocked.retryAfterMs)).toBeLessThanOrEqual(15);
    }
    // Another address from one of those clients is still fine.
    expect(await consume('lookup', { clientIp: '198.51.100.0', email: `other-${email}` })).toEqual({ ok: true });
  });

  it('does not let a stranger block someone: one client spends only its own allowance for an address', async () => {
    const email = `victim-${Date.now()}@acme.example`;
    const stranger = '198.51.100.201';
    for (let i = 0; i < policies.lookup.perEmailAndClient.points; i++) {
      expect(await consume('lookup', { clientIp: stranger, email })).toEqual({ ok: true });
    }
    // The stranger is stopped after the tight per-address-and-client allowance...
    const stopped = await consume('lookup', { clientIp: stranger, email });
    expect(stopped.ok).toBe(false);
    // ...and the person, from their own device, still gets their help.
    expect(await consume('lookup', { clientIp: '192.0.2.201', email })).toEqual({ ok: true });
  });

  it('still stops an address hammered from many clients, at a ceiling far above one client’s allowance', async () => {
    const { perEmailAndClient, perEmail, perClient } = policies.lookup;
    expect(perEmail.points).toBeGreaterThanOrEqual(5 * perEmailAndClient.points);
    expect(perEmailAndClient.points).toBeLessThan(perClient.points);
    for (const name of ['forgotPassword', 'resendVerification'] as const) {
      expect(policies[name].perEmail.points).toBeGreaterThanOrEqual(3 * policies[name].perEmailAndClient.points);
    }
    const email = `distributed-${Date.now()}@acme.example`;
    let allowed = 0;
    for (let client = 0; allowed < perEmail.points + 1 && client < 100; client++) {
      for (let i = 0; i < perEmailAndClient.points; i++) {
        if ((await consume('lookup', { clientIp: `10.9.${client}.1`, email })).ok) allowed++;
      }
    }
    expect(allowed).toBe(perEmail.points);
  });

  it('blocks a client trying many addresses', async () => {
    const clientIp = `203.0.113.${Date.now() % 250}`;
    for (let i = 0; i < policies.lookup.perClient.points; i++) {
      expect((await consume('lookup', { clientIp, email: `user${i}-${Date.now()}@acme.example` })).ok).toBe(true);
    }
    expect((await consume('lookup', { clientIp, email: `fresh-${Date.now()}@acme.example` })).ok).toBe(false);
  });

  it('keeps policies apart, and forgets an address on reset', async () => {
    const email = `reset-${Date.now()}@acme.example`;
    for (let i = 0; i < policies.adminSignIn.perEmail.points; i++) await consume('adminSignIn', { clientIp: `192.0.2.${i}`, email });
    expect((await consume('adminSignIn', { clientIp: '192.0.2.99', email })).ok).toBe(false);
    expect((await consume('forgotPassword', { clientIp: '192.0.2.98', email })).ok).toBe(true);
    await reset('adminSignIn', email);
    expect((await consume('adminSignIn', { clientIp: '192.0.2.97', email })).ok).toBe(true);
  });

  it('gives a counted attempt back', async () => {
    const email = `refund-${Date.now()}@acme.example`;
    const clientIp = '192.0.2.150';
    for (let i = 0; i < 3 * policies.adminSignIn.perEmail.points; i++) {
      expect((await consume('adminSignIn', { clientIp, email })).ok).toBe(true);
      await refund('adminSignIn', { clientIp, email });
    }
    for (let i = 0; i < policies.adminSignIn.perEmail.points; i++) await consume('adminSignIn', { clientIp, email });
    expect((await consume('adminSignIn', { clientIp, email })).ok).toBe(false);
  });

  it('rounds the wait up to whole minutes, at least one', () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60_000)).toBe(1);
    expect(minutesToWait(60_001)).toBe(2);
    expect(minutesToWait(14.5 * 60_000)).toBe(15);
  });
});
