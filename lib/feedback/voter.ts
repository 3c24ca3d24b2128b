import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { isProduction } from '@/lib/config/env';
import { keyedHash } from '@/lib/server/secret';

const voterCookie = 'sp_voter';

/** This browser's voter key (hashed), creating the random cookie on its first vote. */
export async function voterHash(response?: NextResponse): Promise<string | undefined> {
  let id = (await cookies()).get(voterCookie)?.value;
  if (!id || !/^[\w-]{16,64}$/.test(id)) {
    if (!response) return undefined;
    id = randomBytes(16).toString('base64url');
    response.cookies.set(voterCookie, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: isProduction, maxAge: 60 * 60 * 24 * 365 });
  }
  return keyedHash('voter', id);
}

