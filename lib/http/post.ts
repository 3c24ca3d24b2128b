import 'server-only';
import { NextResponse } from 'next/server';
import { env } from '@/lib/config/env';
import { getClientIp } from './client-ip';
import { isSameOrigin, readForm } from './forms';

export type PostContext = { form: Map<string, string>; clientIp: string; now: Date };

/**
 * Every form post goes through here: a request from another origin (a forged
 * form) is refused with 403, an unreadable or oversized body is answered by
 * `onBadBody`, and the handler gets the fields, the client's address and the time.
 */
export async function handleFormPost(
  request: Request,
  onBadBody: () => Response | Promise<Response>,
  handler: (context: PostContext) => Promise<Response>,
  options: { allowOpaqueOrigin?: boolean } = {},
): Promise<Response> {
  if (!isSameOrigin(request, options)) {
    return new NextResponse('This form can only be sent from Signpost itself.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const form = await readForm(request);
  if (!form) return onBadBody();
  return handler({ form, clientIp: getClientIp(request.headers, env.TRUST_PROXY_HOPS), now: new Date() });
}
