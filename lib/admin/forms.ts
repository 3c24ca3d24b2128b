import { z } from 'zod';
import { emailProblems, formProblems, waitData } from '@/lib/http/email-field';
import { localeParam, localeParams, textField } from '@/lib/http/form-schemas';
import { contactLimits, contactProblems, unavailabilities, userActions, type ContactField } from './rules';

/** The site administration forms: params, fields and flash, shared by each route and its page. */

export const adminParams = localeParams;

export const signInFields = z.object({ email: textField, password: textField });
export const signInFlash = z.object({
  values: z.object({ email: z.string() }).partial().optional(),
  errors: z.object({ email: z.enum(emailProblems), password: z.literal('empty'), form: z.enum(formProblems) }).partial().optional(),
  data: waitData.extend({ notice: z.literal('signed-out') }).partial().optional(),
});

/** Forms that carry nothing but their anti-forgery token (checked by adminFormRoute). */
export const noFields = z.object({});

export const userActionParams = z.object({ locale: localeParam, userId: z.string().regex(/^\d{1,9}$/).transform(Number) });
export const userActionFields = z.object({
  action: textField,
  back: z.string().optional(),
  license: z.string().optional().transform((license) => license?.slice(0, 100)),
  confirm: z.string().optional(),
});
const usersNotice = z.discriminatedUnion('notice', [
  z.object({ notice: z.literal('done'), action: z.enum(userActions), email: z.string() }),
  z.object({ notice: z.literal('not-found') }),
  z.object({ notice: z.literal('refused'), reason: z.enum(unavailabilities) }),
]);
export type UsersNotice = z.output<typeof usersNotice>;
export const usersFlash = z.object({ data: usersNotice.optional() });

/** Kept a little past each limit, so an over-long value comes back to be shortened, and the form's state still fits the flash cookie. */
const contactField = (name: ContactField) => textField.transform((value) => value.slice(0, contactLimits[name] + 50));
export const contactFormFields = z.object({
  name: contactField('name'),
  email: contactField('email'),
  phone: contactField('phone'),
  message: contactField('message'),
  privacyMode: z.string().optional(),
});
const contactProblem = z.enum(contactProblems);
export const contactFlash = z.object({
  values: z.object({ name: z.string(), email: z.string(), phone: z.string(), message: z.string(), privacyMode: z.enum(['on', '']) }).partial().optional(),
  errors: z.object({ name: contactProblem, email: contactProblem, phone: contactProblem, message: contactProblem, form: z.enum(formProblems) }).partial().optional(),
  data: z.object({ notice: z.literal('saved') }).optional(),
});
