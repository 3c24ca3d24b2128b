import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

/**
 * Zod pieces the forms share (lib/<feature>/forms.ts builds each form's params,
 * fields and flash from them). Pure: routes, pages and components import them.
 */

/** Route segments every localized form route has (route handlers skip the proxy, so they parse their own). */
export const localeParam = z.enum(locales);
export const localeParams = z.object({ locale: localeParam });

/** An emailed link's signed token: its service checks it (a bad one is "link expired", not a 404). */
export const tokenParam = z.string();

/** A form field as posted: missing reads as empty. */
export const textField = z
  .string()
  .optional()
  .transform((value) => value ?? '');
