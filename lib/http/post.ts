import 'server-only';
import { NextResponse } from 'next/server';
import { env } from '@/lib/config/env';
import { getClientIp } from './client-ip';
import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { isSameOrigin, maxFormBytes, readForm } from './forms';

export type PostContext = { form: Map<string, string>; clientIp: string; now: Date };

/**
 * Every form post goes through here: a request from another origin (a forged
 * form) is refused with 403, a body over the limit with 413 (however it is sent),
 * an unreadable one is answered by `onBadBody`, and the handler gets the fields, the client's address and the time.
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
  const body = await readForm(request);
  if (body.kind === 'too-large') return tooLarge(request);
  if (body.kind === 'unreadable') return onBadBody();
  return handler({ form: body.form, clientIp: getClientIp(request.headers, env.TRUST_PROXY_HOPS), now: new Date() });
}

/**
 * 413 in the language of the page the form is on. Plain text: nothing of what was sent is
 * reflected. The rest of the body is never read into memory: Node discards it as it arrives.
 */
async function tooLarge(request: Request): Promise<Response> {
  const segment = new URL(request.url).pathname.split('/')[1] ?? '';
  const locale = isLocale(segment) ? segment : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'Forms' });
  return new NextResponse(t('tooLarge', { max: maxFormBytes / 1024 }), {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': locale, 'Cache-Control': 'no-store' },
  });
}
