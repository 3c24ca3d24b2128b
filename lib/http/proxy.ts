/**
 * The request pipeline in front of every page that is not a canonical article
 * URL (see proxy.ts): locale negotiation, canonical redirects, the localized 404,
 * the locale cookie and the per-request security headers.
 */
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import generatedRoutes from '@/lib/content/generated/routes.json';
import type { RouteTable } from '@/lib/content/types';
import { isLocale } from '@/lib/i18n/locales';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { parseSearchQuery } from '@/lib/search/query';
import { routing } from '@/lib/i18n/routing';
import { env, isProduction } from '@/lib/config/env';
import { countFallbackView } from '@/lib/content/fallback-views';
import { getSecret, keyedHash } from '@/lib/server/secret';
import { getClientIp } from './client-ip';
import { flashHead } from './flash';
import { flashCookieName, flashHeader } from './flash-name';
import { matchLocalizedRoute, notFoundPagePath, retiredPagePath, routeStatuses } from './known-routes';
import { syncLocaleCookie } from './locale-cookie';
import { decideRoute } from './route-decision';
import { contentSecurityPolicy } from './csp';
import { isPrerendered } from './prerendered';
import { applySecurityHeaders, createNonce } from './security-headers';
import staticHeaders from './static-headers.json';

const routes = generatedRoutes as RouteTable;
const upgradeInsecureRequests = env.SITE_URL.startsWith('https://');
const handleI18n = createMiddleware(routing);
const pageMethods = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
const dataPolicy = staticHeaders.data[0]!.value;

/** Paths that are not localized pages: they only get the security headers. */
function isNonPage(pathname: string): boolean {
  return (
    pathname.startsWith('/api/') ||
    pathname.startsWith('/_next/') ||
    pathname === '/sitemap.xml' ||
    pathname === '/robots.txt'
  );
}

function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function redirect(request: NextRequest, location: string, status: 307 | 308): NextResponse {
  const response = NextResponse.redirect(new URL(location + request.nextUrl.search, request.url), status);
  // A negotiated redirect depends on these; a shared cache must not reuse it for someone else.
  if (status === 307) response.headers.set('Vary', 'Accept-Language, Cookie');
  return response;
}

/**
 * The status a page's response should carry, when it is not 200: a page that is
 * an error by nature (an expired result, the unavailable notice), a form shown
 * again with its errors (the status rides in front of its flash cookie), or a
 * search that is too long. The page renders the message; this only sets the code.
 */
function getPageStatus(request: NextRequest): { status: number; flash?: string; dropCookie?: string } | undefined {
  const { pathname, searchParams } = request.nextUrl;
  const route = matchLocalizedRoute(pathname.split('/').filter(Boolean).slice(1), { development: !isProduction });
  const fixed = route ? routeStatuses[route] : undefined;
  if (fixed) return { status: fixed };
  if (route === '/search' && parseSearchQuery(searchParams.getAll('q')).kind === 'too-long') return { status: 400 };
  // A flash belongs to a form page rendered per request: a prerendered (publicly cacheable) page
  // never takes a status from a cookie, and a cookie we did not seal changes nothing anywhere.
  if (request.method === 'GET' && !isPrerendered(pathname)) {
    const cookie = flashCookieName(pathname);
    const value = request.cookies.get(cookie)?.value;
    const flash = value ? flashHead(value, getSecret()) : undefined;
    if (flash) return { status: flash.status, flash: value, dropCookie: flash.consume ? cookie : undefined };
  }
  return undefined;
}

export function handleRequest(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (isNonPage(pathname)) {
    // Next's router answers a malformed percent-escape with a bare 500; answer in JSON instead.
    const response = isWellFormedPath(pathname)
      ? NextResponse.next()
      : NextResponse.json(
          { error: { code: 'invalid_request', message: 'The request path is not validly percent-encoded.' } },
          { status: 400 },
        );
    // Their Content-Security-Policy comes from next.config.mjs, which also covers the API paths that skip the proxy.
    return applySecurityHeaders(response, { production: isProduction });
  }

  // Pages answer GET and HEAD, form routes POST (OPTIONS is Next's own): PUT, DELETE, PATCH or
  // WebDAV verbs used to render the page as if it were a GET.
  if (!pageMethods.has(request.method)) {
    const refused = new NextResponse('Method not allowed.\n', {
      status: 405,
      headers: { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': dataPolicy },
    });
    return applySecurityHeaders(refused, { production: isProduction });
  }

  // Only the proxy may hand a page its flash.
  request.headers.delete(flashHeader);
  // A page rendered for this request gets a fresh nonce: Next reads it from this request header
  // and puts it on every script it renders; the same policy goes out on the response.
  let nonce: string | undefined;
  const trustScriptsFor = (servedPath: string) => {
    if (isPrerendered(servedPath)) return;
    nonce = createNonce();
    request.headers.set('content-security-policy', contentSecurityPolicy({ nonce }, { upgradeInsecureRequests }));
  };
  const negotiated = () =>
    negotiateLocale({
      cookie: request.cookies.get('NEXT_LOCALE')?.value,
      acceptLanguage: request.headers.get('accept-language'),
    });
  const decision = decideRoute(pathname, routes, { development: !isProduction });

  let response: NextResponse;
  switch (decision.kind) {
    case 'redirect':
      response = redirect(request, decision.location, 308);
      break;
    case 'negotiated-article': {
      const locale = negotiated();
      response = redirect(request, `/${locale}/article/${decision.id}/${decision.slugs[locale]}`, 307);
      break;
    }
    case 'negotiate':
      response = redirect(request, `/${negotiated()}${decision.path}`, 307);
      break;
    case 'not-found': {
      // Built from nextUrl so Next keeps the rewrite internal; a rewrite with a status
      // is how a server-rendered page gets its 404 (see known-routes.ts).
      const target = request.nextUrl.clone();
      target.pathname = `/${decision.locale ?? negotiated()}${notFoundPagePath}`;
      target.search = decision.articleId ? `?article=${encodeURIComponent(decision.articleId)}` : '';
      trustScriptsFor(target.pathname);
      response = NextResponse.rewrite(target, { status: 404, request: { headers: request.headers } });
      break;
    }
    case 'gone': {
      // Like the 404: the retired article's page in the reader's language, with status 410.
      const target = request.nextUrl.clone();
      target.pathname = `/${decision.locale ?? negotiated()}${retiredPagePath}`;
      target.search = `?article=${encodeURIComponent(decision.articleId)}`;
      trustScriptsFor(target.pathname);
      response = NextResponse.rewrite(target, { status: 410, request: { headers: request.headers } });
      if (!decision.locale) response.headers.set('Vary', 'Accept-Language, Cookie');
      break;
    }
    case 'pass': {
      if (decision.fallbackView && request.method === 'GET' && request.headers.get('sec-fetch-dest') !== 'empty') {
        const reader = keyedHash('fallback-reader', getClientIp(request.headers, env.TRUST_PROXY_HOPS));
        countFallbackView(decision.fallbackView.locale, decision.fallbackView.id, reader);
      }
      trustScriptsFor(pathname);
      const page = getPageStatus(request);
      // The page reads its flash from this header: deleting a consumed flash cookie below would
      // also hide it from the page, since Next mirrors a proxy's cookie changes into the request.
      if (page?.flash) request.headers.set(flashHeader, page.flash);
      response =
        page && page.status !== 200
          ? NextResponse.rewrite(request.nextUrl, { status: page.status, request: { headers: request.headers } })
          : page?.flash
            ? NextResponse.next({ request: { headers: request.headers } })
            : handleI18n(request);
      // A consumed flash (errors) shows once: the browser drops it with this response.
      if (page?.dropCookie) response.cookies.set(page.dropCookie, '', { path: pathname, maxAge: 0 });
      // An answer shaped by a cookie is this person's alone: never stored by a shared cache.
      if (page?.flash) {
        response.headers.set('Cache-Control', 'private, no-store');
        response.headers.set('Vary', 'Cookie');
      }
      break;
    }
  }

  // The remembered locale rides only on answers no shared cache keeps: a redirect (marked private
  // when it carries the cookie) or a page rendered per request. A prerendered page is the same for
  // everyone and is cached for a year: it never carries a Set-Cookie.
  const pathLocale = pathname.split('/')[1];
  const isRedirect = response.status >= 300 && response.status < 400;
  const isPerRequestPage = decision.kind === 'pass' && !isPrerendered(pathname);
  if (isLocale(pathLocale) && (isRedirect || isPerRequestPage) && syncLocaleCookie(request, response, pathLocale, { secure: isProduction })) {
    if (isRedirect) response.headers.set('Cache-Control', 'private, no-store');
  }
  // An English page served for a missing translation is counted here, on every view: a shared
  // cache (nginx in front, deploy/nginx.conf) answering for it would lose those counts.
  if (decision.kind === 'pass' && decision.fallbackView && !response.headers.has('Cache-Control')) {
    response.headers.set('Cache-Control', 'private, no-cache');
  }
  return applySecurityHeaders(response, { nonce, pathname, production: isProduction, upgradeInsecureRequests });
}
