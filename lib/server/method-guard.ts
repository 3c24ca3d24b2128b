import 'server-only';
import http from 'node:http';
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
export function refuseForbiddenMethods(options: { transportSecurity: boolean }): void {
  const prototype = http.Server.prototype as http.Server & { [guarded]?: boolean };
  if (prototype[guarded]) return;
  prototype[guarded] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (options.transportSecurity) for (const { key, value } of staticHeaders.production) response.setHeader(key, value);
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
