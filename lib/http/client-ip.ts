/**
 * The client's address for rate limiting. With no trusted proxy, the
 * connection's own address (stamped by the server, see peer-address.ts). With
 * `hops` trusted proxies in front, the address the first of them saw: counted
 * from the right of X-Forwarded-For, because everything left of that was
 * written by the client and can be anything.
 */
export function getClientIp(headers: Headers, hops: number, peerHeader = 'x-signpost-peer'): string {
  const peer = headers.get(peerHeader)?.trim() || 'unknown';
  if (hops === 0) return normalizeIp(peer);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  // Each trusted proxy appended one entry; the client's is the hops-th from the right.
  const candidate = forwarded[forwarded.length - hops];
  return normalizeIp(candidate && isIpLike(candidate) ? candidate : peer);
}

function isIpLike(value: string): boolean {
  return /^[0-9a-f.:]{2,45}$/i.test(value);
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client; IPv6 by its /64, the usual per-subscriber block. */
export function normalizeIp(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (ip.includes(':')) {
    const groups = expandIpv6(ip);
    return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip.toLowerCase();
  }
  return ip.toLowerCase();
}

function expandIpv6(ip: string): string[] | undefined {
  const [head, tail, extra] = ip.toLowerCase().split('::');
  if (extra !== undefined) return undefined;
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right];
  return groups.length === 8 && groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups.map((g) => g.replace(/^0+(?=.)/, '')) : undefined;
}
