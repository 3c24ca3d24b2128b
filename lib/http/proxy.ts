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
import { notFoundPagePath } from './known-routes';
import { syncLocaleCookie } from './locale-cookie';
import { decideRoute } from './route-decision';
import { applySecurityHeaders, createNonce } from './security-headers';

const routes = generatedRoutes as RouteTable;
const handleI18n = createMiddleware(routing);

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

/** The status a page's response should carry when its input is bad (it renders the message itself). */
function getPageStatus(request: NextRequest): number | undefined {
  const [, , section] = request.nextUrl.pathname.split('/');
  if (section === 'search' && parseSearchQuery(request.nextUrl.searchParams.getAll('q')).kind === 'too-long') return 400;
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
    return applySecurityHeaders(response, { nonce: undefined });
  }

  const nonce = createNonce();
  const negotiated = () =>
    negotiateLocale({
      cookie: request.cookies.get('NEXT_LOCALE')?.value,
      acceptLanguage: request.headers.get('accept-language'),
    });
  const decision = decideRoute(pathname, routes);

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
      request.headers.set('x-nonce', nonce);
      response = NextResponse.rewrite(target, { status: 404, request: { headers: request.headers } });
      break;
    }
    case 'pass': {
      request.headers.set('x-nonce', nonce);
      const status = getPageStatus(request);
      // A page that shows a bad-input message answers with the status that goes with it.
      response = status
        ? NextResponse.rewrite(request.nextUrl, { status, request: { headers: request.headers } })
        : handleI18n(request);
      break;
    }
  }

  const pathLocale = pathname.split('/')[1];
  if (isLocale(pathLocale)) syncLocaleCookie(request, response, pathLocale);
  return applySecurityHeaders(response, { nonce });
}
