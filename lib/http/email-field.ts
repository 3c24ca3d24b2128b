import { z } from 'zod';
import { normalizeEmail } from '@/lib/accounts/email';

export const emailProblems = ['empty', 'invalid', 'too-long'] as const;
export type EmailProblem = (typeof emailProblems)[number];

/** Problems with a form as a whole, each shown as one message above it. */
export const formProblems = ['bad-request', 'rate-limited', 'expired', 'refused', 'session-ended'] as const;
export type FormProblem = (typeof formProblems)[number];

/** How long to wait after a rate limit, in whole minutes. */
export const waitData = z.object({ minutes: z.number().int().positive() }).partial();

/**
 * The flash of a form with an email field (sign-in help's email step, forgot
 * password): what was typed, what is wrong, how long to wait.
 */
export const emailFormFlash = z.object({
  values: z.object({ email: z.string() }).partial().optional(),
  errors: z.object({ email: z.enum(emailProblems), form: z.enum(formProblems) }).partial().optional(),
  data: waitData.optional(),
});
export type EmailFormFlash = z.output<typeof emailFormFlash>;

export type EmailCheckFailure = { state: EmailFormFlash; status: 400 };

/** A typed address, normalized; or the flash that sends it back to the form with its error. */
export function checkEmail(raw: string): { email: string } | EmailCheckFailure {
  const email = normalizeEmail(raw);
  if (email.kind === 'ok') return { email: email.email };
  return { state: { values: { email: raw.slice(0, 300) }, errors: { email: email.kind } }, status: 400 };
}
