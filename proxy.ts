import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import generatedRoutes from '@/lib/content/generated/routes.json';
import type { RouteTable } from '@/lib/content/types';
import { notFoundPagePath } from '@/lib/http/known-routes';
import { decideRoute } from '@/lib/http/route-decision';
import { applySecurityHeaders, createNonce } from '@/lib/http/security-headers';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { routing } from '@/lib/i18n/routing';

const routes = generatedRoutes as RouteTable;
const handleI18n = createMiddleware(routing);

/** Paths that are not localized pages: they only get the security headers. */
function isNonPage(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname === '/sitemap.xml' || pathname === '/robots.txt' || pathname.startsWith('/_next/');
}

function isWellFormedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function malformedApiPath(): NextResponse {
  return NextResponse.json(
    { error: { code: 'invalid_request', message: 'The request path is not validly percent-encoded.' } },
    { status: 400 },
  );
}

function redirect(request: NextRequest, location: string, status: 307 | 308): NextResponse {
  const response = NextResponse.redirect(new URL(location + request.nextUrl.search, request.url), status);
  // A negotiated redirect depends on these; a shared cache must not reuse it for someone else.
  if (status === 307) response.headers.set('Vary', 'Accept-Language, Cookie');
  return response;
}

export default function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const { pathname } = request.nextUrl;
  const negotiated = () =>
    negotiateLocale({
      cookie: request.cookies.get('NEXT_LOCALE')?.value,
      acceptLanguage: request.headers.get('accept-language'),
    });

  if (isNonPage(pathname)) {
    // Next's router answers a malformed percent-escape with a bare 500; answer in JSON instead.
    if (!isWellFormedPath(pathname)) return applySecurityHeaders(malformedApiPath(), { pathname, nonce: undefined });
    return applySecurityHeaders(NextResponse.next(), { pathname, nonce: undefined });
  }

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
      // Built from nextUrl (not request.url) so Next keeps the rewrite internal whatever the Host header says.
      const target = request.nextUrl.clone();
      target.pathname = `/${decision.locale ?? negotiated()}${notFoundPagePath}`;
      target.search = decision.articleId ? `?article=${encodeURIComponent(decision.articleId)}` : '';
      request.headers.set('x-nonce', nonce);
      response = NextResponse.rewrite(target, { status: 404, request: { headers: request.headers } });
      break;
    }
    case 'pass':
      request.headers.set('x-nonce', nonce);
      response = handleI18n(request);
      break;
  }
  return applySecurityHeaders(response, { pathname, nonce });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
