import { z } from 'zod';
import { emailFormFlash, formProblems, waitData } from '@/lib/http/email-field';
import { localeParam, textField } from '@/lib/http/form-schemas';
import { parseReferenceCode } from './reference-code';
import { problems } from './types';

/** The sign-in help forms: params, fields and flash, shared by each route and its page. */

/** A step that asks for the address or the site: every problem but "something else" (which goes to search). */
export const stepParams = z.object({ locale: localeParam, problem: z.enum(problems).exclude(['other']) });

const referenceCode = z.string().transform((value, context) => {
  const code = parseReferenceCode(value);
  if (!code) context.addIssue({ code: 'custom', message: 'not a reference code' });
  return code ?? z.NEVER;
});
export const resultParams = z.object({ locale: localeParam, code: referenceCode });

/** Step 2: the address. */
export const emailStepFields = z.object({ email: textField });
export const emailStepFlash = emailFormFlash;

/** Step 2b: the site, for an address on several. The address rides along, encrypted, in the flash. */
const siteProblems = ['empty', 'invalid', 'unknown'] as const;
export type SiteProblem = (typeof siteProblems)[number];
export const siteStepFields = z.object({ site: textField.transform((site) => site.trim().slice(0, 100)) });
export const siteStepFlash = z.object({
  values: z.object({ email: z.string(), site: z.string() }).partial().optional(),
  errors: z.object({ site: z.enum(siteProblems), form: z.enum(formProblems) }).partial().optional(),
  data: waitData.optional(),
});

/** The result page's notice: after resending the verification email, a rate limit, or an answer. */
const outcomeNotice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resent') }),
  z.object({ kind: z.literal('reactivation-asked') }),
  z.object({ kind: z.literal('rate-limited'), minutes: z.number() }),
  z.object({ kind: z.literal('solved'), solved: z.boolean() }),
]);
export type OutcomeNotice = z.output<typeof outcomeNotice>;
/**
 * The result page's flash: a notice, and the address the lookup was made with (shown back so a
 * typo can be spotted; it rides in the encrypted flash cookie, never in the URL, for ten minutes).
 */
export const resultFlash = z.object({ data: z.object({ notice: outcomeNotice, typedEmail: z.string().max(400) }).partial().optional() });

export const resendFields = z.object({});
export const askReactivationFields = z.object({});
export const solvedFields = z.object({ solved: z.enum(['yes', 'no']) });
