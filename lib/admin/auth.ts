import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import { decoyHash, PasswordHashingBusy, verifyPassword } from '@/lib/auth/password';
import { getDb, type Database } from '@/lib/db/client';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost, type PostContext } from '@/lib/http/post';
import type { Locale } from '@/lib/i18n/locales';
import { consume, refund, reset } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { adminPaths } from './paths';
import { findActiveAdmin, findSignInCandidates, recordAudit, recordSignIn, type AdminRecord } from './repository';
import { createSession, csrfTokenFor, deleteSession, isCsrfTokenValid, readSession, sessionCookieName, sessionCookieOptions, type Session } from './session';

/**
 * Who is signed in to site administration, checked on the server by every admin
 * page (`requireAdmin`) and every admin form post (`handleAdminPost`). Nothing
 * relies on the proxy or a layout for this.
 */

export type AdminContext = { db: Database; admin: AdminRecord; session: Session; csrfToken: string };

/**
 * A header only Next's own internal requests carry. A request from outside with
 * it is an attempt to skip the proxy (CVE-2025-29927): refused wherever it shows up.
 */
export const internalHeader = 'x-middleware-subrequest';

async function contextFor(cookieValue: string | undefined, now: Date): Promise<AdminContext | undefined> {
  if (!cookieValue) return undefined;
  const db = await getDb();
  const session = await readSession(db, cookieValue, now);
  if (!session) return undefined;
  const admin = await findActiveAdmin(db, session.userId);
  if (!admin) return undefined;
  return { db, admin, session, csrfToken: csrfTokenFor(session) };
}

/** For admin pages: the signed-in administrator, or a redirect to sign in (or to the unavailable notice). */
export async function requireAdmin(locale: Locale): Promise<AdminContext> {
  if ((await headers()).has(internalHeader)) redirect(adminPaths.signIn(locale));
  let context: AdminContext | undefined;
  try {
    context = await contextFor((await cookies()).get(sessionCookieName)?.value, new Date());
  } catch (error) {
    log.error('admin.session', error);
    redirect(adminPaths.unavailable(locale));
  }
  if (!context) redirect(adminPaths.signIn(locale));
  return context;
}

/** For the sign-in page: whoever is already signed in (so it can go straight on). */
export async function currentAdmin(): Promise<AdminContext | undefined> {
  try {
    return await contextFor((await cookies()).get(sessionCookieName)?.value, new Date());
  } catch {
    return undefined;
  }
}

export type AdminPostContext = PostContext & AdminContext;

/**
 * Every admin form post: same origin (403 otherwise), a current session (or back
 * to sign-in), the form's anti-forgery token for that session (403), then the handler.
 */
export async function handleAdminPost(
  request: Request,
  locale: Locale,
  onBadBody: () => Response,
  handler: (context: AdminPostContext) => Promise<Response>,
): Promise<Response> {
  if (request.headers.has(internalHeader)) return forbidden();
  return handleFormPost(request, onBadBody, async (post) => {
    let context: AdminContext | undefined;
    try {
      context = await contextFor(cookieFrom(request), post.now);
    } catch (error) {
      log.error('admin.session', error);
      return seeOther(request, adminPaths.unavailable(locale));
    }
    if (!context) {
      return redirectWithFlash(request, adminPaths.signIn(locale), { state: { errors: { form: 'session-ended' } }, status: 200 });
    }
    if (!isCsrfTokenValid(context.session, post.form.get('csrf'))) return forbidden();
    return handler({ ...post, ...context });
  });
}

export function forbidden(): Response {
  return new NextResponse('This request was refused: it did not come from a current site administration page.', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function cookieFrom(request: Request): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) return value.join('=');
  }
  return undefined;
}

export type SignInResult =
  | { kind: 'signed-in'; cookieValue: string }
  | { kind: 'refused' }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'unavailable' };

/**
 * Checks an administrator's password. Every failure looks the same (one generic
 * message) and costs the same time: an address with no administrator account is
 * checked against a decoy hash. Each attempt counts against the address and the
 * client before the password is hashed, so a burst of parallel guesses is stopped
 * at the limit, not after every one of them has been checked; a success gives its
 * attempt back and clears the address's count. When the hashing queue is full the
 * answer is the unavailable notice, at once.
 */
export async function signIn(input: { email: string; password: string; clientIp: string; now: Date }): Promise<SignInResult> {
  const keys = { clientIp: input.clientIp, email: input.email };
  const counted = await consume('adminSignIn', keys);
  if (!counted.ok) return { kind: 'rate-limited', retryAfterMs: counted.retryAfterMs };
  try {
    const db = await getDb();
    const candidates = await findSignInCandidates(db, input.email);
    let signedIn: number | undefined;
    for (const candidate of candidates.length > 0 ? candidates : [{ id: 0, passwordHash: null, status: 'inactive' as const, siteSlug: '' }]) {
      const matches = await verifyPassword(input.password, candidate.passwordHash ?? (await decoyHash()));
      // A deactivated or unverified administrator cannot sign in; the answer does not say so.
      if (matches && candidate.passwordHash && candidate.status !== 'inactive' && candidate.status !== 'unverified' && signedIn === undefined) {
        signedIn = candidate.id;
      }
    }
    if (signedIn === undefined) {
      log.info('admin.sign-in-refused', {});
      return { kind: 'refused' };
    }
    await refund('adminSignIn', keys);
    await reset('adminSignIn', input.email);
    const cookieValue = await createSession(db, signedIn, input.now);
    await recordSignIn(db, signedIn, input.now);
    const admin = await findActiveAdmin(db, signedIn);
    if (admin) {
      await recordAudit(db, { siteId: admin.site.id, actorUserId: admin.id, actorLabel: admin.email, action: 'sign-in' }, input.now);
    }
    return { kind: 'signed-in', cookieValue };
  } catch (error) {
    if (error instanceof PasswordHashingBusy) log.warn('admin.sign-in-busy', {});
    else log.error('admin.sign-in', error);
    return { kind: 'unavailable' };
  }
}

export function setSessionCookie(response: NextResponse, cookieValue: string): NextResponse {
  response.cookies.set(sessionCookieName, cookieValue, sessionCookieOptions);
  return response;
}

export async function signOut(request: Request, response: NextResponse): Promise<NextResponse> {
  const value = cookieFrom(request);
  if (value) {
    try {
      await deleteSession(await getDb(), value);
    } catch (error) {
      log.error('admin.sign-out', error);
    }
  }
  response.cookies.set(sessionCookieName, '', { ...sessionCookieOptions, maxAge: 0 });
  return response;
}
