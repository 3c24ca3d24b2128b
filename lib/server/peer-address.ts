import type { IncomingMessage, Server } from 'node:http';
import http from 'node:http';

/** The request header carrying the connection's address, set by the server itself. */
const peerAddressHeader = 'x-signpost-peer';

const installed = globalThis as typeof globalThis & { __signpostPeerAddress?: boolean };

/**
 * Next.js (since 15) gives route handlers no way to the connection's address,
 * and fills X-Forwarded-For from it only when the client sent none, so a client
 * could claim any address. This stamps every request with its real peer address
 * in a header of our own, overwriting anything a client sent in that header.
 * Installed once, at server start (instrumentation.ts).
 */
export function installPeerAddressHeader(): void {
  if (installed.__signpostPeerAddress) return;
  installed.__signpostPeerAddress = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[peerAddressHeader] = request.socket?.remoteAddress ?? '';
    }
    return (emit as (this: Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
