import 'server-only';
import { countPendingRequests } from '@/lib/reactivation/service';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import { decoyHash, PasswordHashingBusy, verifyPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash, type FormRouteContext, type FormRouteSpec, type RouteContext } from '@/lib/http/form-route';
import type { Locale } from '@/lib/i18n/locales';
import { consume, refund, reset } from '@/lib/rate-limit/limiter';
import { withDatabase } from '@/lib/server/database';
import { log } from '@/lib/server/log';
import { signInFlash } from './forms';
import { findActiveAdmin, findSignInCandidates, recordSignIn } from '@/lib/accounts/repository';
import type { SiteAdminRecord } from '@/lib/accounts/types';
import { recordAudit } from './repository';
import { createSession, csrfTokenFor, deleteSession, isCsrfTokenValid, readSession, sessionCookieName, sessionCookieOptions, type Session } from './session';
import { paths } from '@/lib/paths';

/**
 * Who is signed in to site administration, checked on the server by every admin
 * page (`requireAdmin`) and every admin form post (`adminFormRoute`). Nothing
 * relies on the proxy or a layout for this.
 */

/** The signed-in administrator, their session, its anti-forgery token, and how many reactivation requests wait on their site (the navigation shows it). */
export type AdminContext = { db: Database; admin: SiteAdminRecord; session: Session; csrfToken: string; pendingRequests: number };

/**
 * A header only Next's own internal requests carry. A request from outside with
 * it is an attempt to skip the proxy (CVE-2025-29927): refused wherever it shows up.
 */
export const internalHeader = 'x-middleware-subrequest';

async function contextFor(db: Database, cookieValue: string | undefined, now: Date): Promise<AdminContext | undefined> {
  if (!cookieValue) return undefined;
  const session = await readSession(db, cookieValue, now);
  if (!session) return undefined;
  const admin = await findActiveAdmin(db, session.userId);
  if (!admin) return undefined;
  return { db, admin, session, csrfToken: csrfTokenFor(session), pendingRequests: await countPendingRequests(db, admin.site.id) };
}

/** For admin pages: the signed-in administrator, or a redirect to sign in (or to the unavailable notice). */
export async function requireAdmin(locale: Locale): Promise<AdminContext> {
  if ((await headers()).has(internalHeader)) redirect(paths.admin.signIn(locale));
  const cookieValue = (await cookies()).get(sessionCookieName)?.value;
  const found = await withDatabase('admin.session', async (db) => ({ kind: 'checked', context: await contextFor(db, cookieValue, new Date()) }) as const);
  if (found.kind === 'unavailable') redirect(paths.admin.unavailable(locale));
  if (!found.context) redirect(paths.admin.signIn(locale));
  return found.context;
}

/** For the sign-in page: whoever is already signed in (so it can go straight on). */
export async function currentAdmin(): Promise<AdminContext | undefined> {
  const cookieValue = (await cookies()).get(sessionCookieName)?.value;
  const found = await withDatabase('admin.session', async (db) => ({ kind: 'checked', context: await contextFor(db, cookieValue, new Date()) }) as const);
  return found.kind === 'checked' ? found.context : undefined;
}

/**
 * Every admin form post: a formRoute (params, same origin, body, fields) that
 * also needs a current session (or back to sign-in) and the form's anti-forgery
 * token for that session (403), then the handler, with the administrator.
 */
export function adminFormRoute<P extends { locale: Locale }, F>(
  spec: FormRouteSpec<P, F, FormRouteContext<P, F> & AdminContext>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const route = formRoute<P, F>({
    ...spec,
    async handle(post) {
      const { request, params } = post;
      const found = await withDatabase('admin.session', async (db) => ({ kind: 'checked', context: await contextFor(db, cookieFrom(request), post.now) }) as const);
      if (found.kind === 'unavailable') return seeOther(request, paths.admin.unavailable(params.locale));
      const context = found.context;
      if (!context) {
        return redirectWithFormFlash(signInFlash, request, paths.admin.signIn(params.locale), { state: { errors: { form: 'session-ended' } }, status: 200 });
      }
      if (!isCsrfTokenValid(context.session, post.form.get('csrf'))) return forbidden();
      return spec.handle({ ...post, ...context });
    },
  });
  return async (request, context) => (request.headers.has(internalHeader) ? forbidden() : route(request, context));
}

function forbidden(): Response {
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
export async function signIn(db: Database, input: { email: string; password: string; clientIp: string; now: Date; locale?: Locale }): Promise<SignInResult> {
  const keys = { clientIp: input.clientIp, email: input.email };
  const counted = await consume('adminSignIn', keys);
  if (!counted.ok) return { kind: 'rate-limited', retryAfterMs: counted.retryAfterMs };
  let signedIn: number | undefined;
  try {
    const candidates = await findSignInCandidates(db, input.email);
    for (const candidate of candidates.length > 0 ? candidates : [{ id: 0, passwordHash: null, status: 'inactive' as const, siteSlug: '' }]) {
      const matches = await verifyPassword(input.password, candidate.passwordHash ?? (await decoyHash()));
      // A deactivated or unverified administrator cannot sign in; the answer does not say so.
      if (matches && candidate.passwordHash && candidate.status !== 'inactive' && candidate.status !== 'unverified' && signedIn === undefined) {
        signedIn = candidate.id;
      }
    }
  } catch (error) {
    if (!(error instanceof PasswordHashingBusy)) throw error;
    log.warn('admin.sign-in-busy', {});
    return { kind: 'unavailable' };
  }
  if (signedIn === undefined) {
    log.info('admin.sign-in-refused', {});
    return { kind: 'refused' };
  }
  await refund('adminSignIn', keys);
  await reset('adminSignIn', input.email);
  const cookieValue = await createSession(db, signedIn, input.now);
  // The language they use site administration in: email written for them (a reactivation request) uses it.
  await recordSignIn(db, signedIn, input.now, input.locale);
  const admin = await findActiveAdmin(db, signedIn);
  if (admin) {
    await recordAudit(db, { siteId: admin.site.id, actorUserId: admin.id, actorLabel: admin.email, action: 'sign-in' }, input.now);
  }
  return { kind: 'signed-in', cookieValue };
}

export function setSessionCookie(response: NextResponse, cookieValue: string): NextResponse {
  response.cookies.set(sessionCookieName, cookieValue, sessionCookieOptions);
  return response;
}

export async function signOut(request: Request, response: NextResponse): Promise<NextResponse> {
  const value = cookieFrom(request);
  if (value) await withDatabase('admin.sign-out', (db) => deleteSession(db, value));
  response.cookies.set(sessionCookieName, '', { ...sessionCookieOptions, maxAge: 0 });
  return response;
}
