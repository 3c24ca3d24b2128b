import { z } from 'zod';
import { localeParam, tokenParam } from '@/lib/http/form-schemas';
import { declineReasonLimit } from './types';

/** The reactivation request's forms: the confirmation link's button and the Requests page's decisions. */

export const confirmParams = z.object({ locale: localeParam, token: tokenParam });
export const confirmFields = z.object({});
/** The link's page after the button: the request filed, one already waiting, or a rate limit reached. */
export const confirmFlash = z.object({
  data: z.object({ result: z.enum(['filed', 'already-pending']), minutes: z.number().int().positive() }).partial().optional(),
});

export const decideParams = z.object({ locale: localeParam, requestId: z.string().regex(/^\d{1,9}$/).transform(Number) });
export const decideFields = z.object({
  decision: z.enum(['approve', 'decline']),
  // Longer text is cut to the limit by the service; a body far past it is refused as a bad request.
  reason: z.string().max(declineReasonLimit * 8).optional(),
});

const requestsNotice = z.discriminatedUnion('notice', [
  z.object({ notice: z.enum(['approved', 'declined', 'refused']), email: z.string().max(400) }),
  z.object({ notice: z.enum(['settled', 'reason-missing']) }),
]);
export type RequestsNotice = z.output<typeof requestsNotice>;
export const requestsFlash = z.object({ data: requestsNotice.optional() });
