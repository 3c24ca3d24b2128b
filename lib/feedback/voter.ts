import 'server-only';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { isProduction } from '@/lib/config/env';
import { keyedHash } from '@/lib/server/secret';

const voterCookie = 'sp_voter';

/**
 * This browser's voter key (hashed), creating the cookie on its first vote. A browser without
 * the cookie (a first vote, or a script that never keeps cookies) is keyed by its client address
 * and the day, and that key becomes its cookie: twenty cookieless votes from one client on one
 * day are one voter, and the browser that keeps the cookie stays that same voter afterwards.
 */
export async function voterHash(response?: NextResponse, client?: { ip: string; now: Date }): Promise<string | undefined> {
  let id = (await cookies()).get(voterCookie)?.value;
  if (!id || !/^[\w-]{16,64}$/.test(id)) {
    if (!response || !client) return undefined;
    id = keyedHash('voter-by-client-and-day', `${client.ip}\u0000${client.now.toISOString().slice(0, 10)}`);
    response.cookies.set(voterCookie, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: isProduction, maxAge: 60 * 60 * 24 * 365 });
  }
  return keyedHash('voter', id);
}
