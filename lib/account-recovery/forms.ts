import { z } from 'zod';
import { passwordProblems } from '@/lib/auth/password-rules';
import { emailFormFlash } from '@/lib/http/email-field';
import { localeParam, localeParams, textField, tokenParam } from '@/lib/http/form-schemas';

/** The account recovery forms: params, fields and flash, shared by each route and its page. */

export const forgotPasswordParams = localeParams;
export const forgotPasswordFields = z.object({ email: textField });
export const forgotPasswordFlash = emailFormFlash;

/** What the "sent" page shows: the same neutral message, or (deactivated) whom to contact. */
const forgotView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('neutral') }),
  /** The diagnosis made for the request, by its reference code: the page shows its outcome. */
  z.object({ kind: z.literal('deactivated'), code: z.string() }),
]);
export type ForgotView = z.output<typeof forgotView>;
export const forgotPasswordSentFlash = z.object({ data: z.object({ view: forgotView }).optional() });

export const tokenParams = z.object({ locale: localeParam, token: tokenParam });

export const resetPasswordFields = z.object({ password: textField, confirm: textField });
export const resetPasswordFlash = z.object({
  errors: z.object({ password: z.enum(passwordProblems), confirm: z.enum(passwordProblems) }).partial().optional(),
  data: z.object({ saved: z.literal(true) }).optional(),
});

export const verifyEmailFields = z.object({});
export const verifyEmailFlash = z.object({ data: z.object({ result: z.enum(['verified', 'already']) }).optional() });
