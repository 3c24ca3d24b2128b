import 'server-only';
import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import { isProduction } from '@/lib/config/env';
import { getSecret } from '@/lib/server/secret';
import { openFlash, sealFlash, type FlashState, type FlashStatus } from './flash';
import { flashCookieName, flashHeader } from './flash-name';

/** 303 See Other: after a form post, the browser fetches the next page with GET. */
export function seeOther(request: Request, pathname: string): NextResponse {
  return NextResponse.redirect(new URL(pathname, request.url), 303);
}

/**
 * Sends the browser back (or on) to `pathname` with the form's state in that
 * page's flash cookie. A consumed flash (errors) is dropped after one showing; a
 * kept one (a result) survives reloads for ten minutes.
 */
export function redirectWithFlash(
  request: Request,
  pathname: string,
  flash: { state: FlashState; status: FlashStatus; consume?: boolean; search?: string },
): NextResponse {
  const consume = flash.consume ?? true;
  // The cookie belongs to the page's path; a query string (a list's filters) only rides along in the Location.
  const response = seeOther(request, `${pathname}${flash.search ?? ''}`);
  response.cookies.set(flashCookieName(pathname), sealFlash(flash.state, flash.status, consume, getSecret()), {
    path: pathname,
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction,
    maxAge: consume ? 120 : 600,
  });
  return response;
}

/**
 * The flash state for the page at `pathname`, if a form left one: handed over by
 * the proxy for a page, or read from the cookie by a route handler.
 */
export async function readFlash(pathname: string): Promise<FlashState | undefined> {
  const value = (await headers()).get(flashHeader) ?? (await cookies()).get(flashCookieName(pathname))?.value;
  return openFlash(value, getSecret());
}
