import { z } from 'zod';
import type { UserFilter } from '@/lib/accounts/repository';
import { isUserStatus } from '@/lib/accounts/types';
import { locales, type Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/paths';
import { emailProblems, formProblems, waitData } from '@/lib/http/email-field';
import { localeParam, localeParams, textField } from '@/lib/http/form-schemas';
import { parseReferenceCode } from '@/lib/sign-in-help/reference-code';
import { bulkActions, bulkLimit, contactLimits, contactProblems, reasonLimit, unavailabilities, undoRefusals, userActions, type ContactField } from './rules';

/** The site administration forms: params, fields and flash, shared by each route and its page. */

export const adminParams = localeParams;

type Query = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The users list's filter from the query string: a known status, a search of at most 100 characters. Anything else is ignored. */
export function userFilterFrom(query: Query): UserFilter & { page?: string } {
  const status = first(query.status);
  const text = first(query.q)?.trim().toLowerCase().slice(0, 100);
  return { status: isUserStatus(status) ? status : undefined, query: text || undefined, page: first(query.page) };
}

export function userFilterQuery(filter: UserFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.query) params.set('q', filter.query);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where to return after a users-list form: the list with the filters it had (its query string), and nothing else. */
export function returnSearch(locale: Locale, back: string | undefined): string {
  const base = paths.admin.users(locale);
  if (!back?.startsWith(base)) return '';
  const search = back.slice(base.length);
  return /^\?[\w=&%.+-]{0,300}$/.test(search) ? search : '';
}

/**
 * Where to return after a user action: the reference-code lookup it came from
 * (with its code, read back canonical), or else the users list with its filters.
 * Only these two pages, so a forged `back` cannot send the browser elsewhere.
 */
export function returnTo(locale: Locale, back: string | undefined): { path: string; search: string } {
  const lookup = paths.admin.diagnosis(locale);
  if (back?.startsWith(`${lookup}?`)) {
    const code = parseReferenceCode(new URLSearchParams(back.slice(lookup.length + 1)).get('code') ?? undefined);
    if (code) return { path: lookup, search: `?${new URLSearchParams({ code }).toString()}` };
  }
  return { path: paths.admin.users(locale), search: returnSearch(locale, back) };
}

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
  reason: z.string().optional().transform((reason) => reason?.slice(0, reasonLimit * 4)),
  undo: z.string().regex(/^\d{1,12}$/).transform(Number).optional(),
});
/** The bulk form: each selected user is a checkbox named `user-<id>` (the form reader keeps one value per name), the rest are these fields. */
export const bulkFields = z.object({
  action: textField,
  back: z.string().optional(),
  confirm: z.string().optional(),
  reason: z.string().optional().transform((reason) => reason?.slice(0, reasonLimit * 4)),
});
export const bulkUserField = (id: number) => `user-${id}`;
export const bulkUserIds = (form: ReadonlyMap<string, string>): number[] =>
  [...form.keys()].flatMap((name) => /^user-(\d{1,9})$/.exec(name)?.slice(1, 2).map(Number) ?? []).slice(0, bulkLimit);
const usersNotice = z.discriminatedUnion('notice', [
  z.object({ notice: z.literal('done'), action: z.enum(userActions), email: z.string(), undo: z.number().int().optional() }),
  z.object({ notice: z.literal('not-found') }),
  z.object({ notice: z.literal('refused'), reason: z.enum(unavailabilities) }),
  z.object({ notice: z.literal('undone'), email: z.string() }),
  z.object({ notice: z.literal('undo-refused'), reason: z.enum(undoRefusals) }),
  z.object({ notice: z.literal('bulk-done'), action: z.enum(bulkActions), done: z.number().int(), skipped: z.number().int() }),
  z.object({ notice: z.literal('bulk-empty') }),
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
  messageLocale: z.string().optional(),
});
/** The message in each language: textareas named `message-<locale>` (read from the form, each cut a little past the limit). */
export const localizedMessageField = (locale: Locale) => `message-${locale}`;
export function localizedMessagesFrom(form: ReadonlyMap<string, string>): Partial<Record<Locale, string>> {
  return Object.fromEntries(
    locales.flatMap((locale) => {
      const value = form.get(localizedMessageField(locale))?.slice(0, contactLimits.message + 50);
      return value?.trim() ? [[locale, value]] : [];
    }),
  );
}
const contactProblem = z.enum(contactProblems);
export const contactFlash = z.object({
  values: z
    .object({
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      message: z.string(),
      privacyMode: z.enum(['on', '']),
      messageLocale: z.string(),
    })
    .partial()
    // The message in each language, under its field's name (`message-<locale>`).
    .catchall(z.string())
    .optional(),
  errors: z
    .object({
      name: contactProblem,
      email: contactProblem,
      phone: contactProblem,
      message: contactProblem,
      form: z.enum(formProblems),
    })
    .partial()
    .catchall(z.union([contactProblem, z.enum(formProblems)]))
    .optional(),
  data: z.object({ notice: z.literal('saved') }).optional(),
});
