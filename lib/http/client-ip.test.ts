import { describe, expect, it } from 'vitest';
import { getClientIp, normalizeIp } from './client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('getClientIp', () => {
  it('uses the connection address and ignores a forwarded header nobody vouches for', () => {
    expect(getClientIp(headers({ 'x-signpost-peer': '203.0.113.7', 'x-forwarded-for': '1.2.3.4' }), 0)).toBe('203.0.113.7');
  });

  it('with one trusted proxy, takes the address that proxy appended, not what the client wrote', () => {
    const h = headers({ 'x-signpost-peer': '10.0.0.2', 'x-forwarded-for': '6.6.6.6, 198.51.100.9' });
    expect(getClientIp(h, 1)).toBe('198.51.100.9');
  });

  it('with two trusted proxies, counts two from the right', () => {
    const h = headers({ 'x-signpost-peer': '10.0.0.3', 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.2' });
    expect(getClientIp(h, 2)).toBe('198.51.100.9');
  });

  it('falls back to the connection when the forwarded header is missing, short or garbage', () => {
    expect(getClientIp(headers({ 'x-signpost-peer': '10.0.0.2' }), 1)).toBe('10.0.0.2');
    expect(getClientIp(headers({ 'x-signpost-peer': '10.0.0.2', 'x-forwarded-for': '<script>' }), 1)).toBe('10.0.0.2');
    expect(getClientIp(headers({}), 0)).toBe('unknown');
  });
});

describe('normalizeIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['192.0.2.1', '192.0.2.1'],
    ['2001:db8:0:0:1:2:3:4', '2001:db8:0:0::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, normalized) => {
    expect(normalizeIp(ip)).toBe(normalized);
  });
});
