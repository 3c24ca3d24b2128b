import 'server-only';
import http from 'node:http';
import { downloadRoutes, formPostRoutes, matchLocalizedRoute } from '@/lib/http/known-routes';
import staticHeaders from '@/lib/http/static-headers.json';

/**
 * Methods the Fetch standard forbids (TRACE, TRACK, CONNECT): Next builds a `Request` for every
 * incoming request before any code of ours runs, and that constructor throws on them, so Next
 * answered TRACE with a bare 500, no security headers and a stack trace in the log. Nothing here
 * serves them: they are answered 405 before Next sees them.
 */
const forbiddenMethods = new Set(['TRACE', 'TRACK', 'CONNECT']); // TRACK and CONNECT rarely get here: Node's parser or its 'connect' event takes them first
const guarded = Symbol.for('signpost.methodGuard');

/**
 * Also here, because it must reach every response, including those Next serves without any code of
 * ours (prerendered pages, static files): Strict-Transport-Security, decided when the server starts
 * from SIGNPOST_ENV, not when it was built (a build is the same for a production site and a demo
 * over plain HTTP, where HSTS would lock browsers out of the demo host's other HTTP services).
 */
/**
 * What a 405 must name (RFC 9110: Allow). Next answers a route handler's unsupported method with a
 * bare 405, so the header is added here, from the route table: form posts take POST, downloads and
 * the APIs GET and HEAD, pages GET, HEAD and POST (the proxy says so itself for pages it sees).
 */
function allowFor(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0]!;
  if (pathname.startsWith('/api/')) return 'GET, HEAD';
  const route = matchLocalizedRoute(pathname.split('/').filter(Boolean).slice(1), { development: true });
  if (route && (formPostRoutes as readonly string[]).includes(route)) return 'POST';
  if (route && (downloadRoutes as readonly string[]).includes(route)) return 'GET, HEAD';
  return 'GET, HEAD, POST';
}

function nameAllowedMethods(request: http.IncomingMessage, response: http.ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 405 && !this.hasHeader('allow')) this.setHeader('Allow', allowFor(request.url));
    return (writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof response.writeHead;
}

export function refuseForbiddenMethods(options: { transportSecurity: boolean }): void {
  const prototype = http.Server.prototype as http.Server & { [guarded]?: boolean };
  if (prototype[guarded]) return;
  prototype[guarded] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (options.transportSecurity) for (const { key, value } of staticHeaders.production) response.setHeader(key, value);
      nameAllowedMethods(request, response);
      if (forbiddenMethods.has((request.method ?? '').toUpperCase())) {
        for (const { key, value } of [...staticHeaders.everywhere, ...staticHeaders.data]) response.setHeader(key, value);
        response.writeHead(405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end('Method not allowed.\n');
        request.resume();
        return true;
      }
    }
    return (emit as (this: http.Server, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof prototype.emit;
}
