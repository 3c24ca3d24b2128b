import { adminFormRoute } from '@/lib/admin/auth';
import { adminParams, contactFlash, contactFormFields, localizedMessageField, localizedMessagesFrom } from '@/lib/admin/forms';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { updateContactDetails } from '@/lib/admin/service';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';

/** Per-locale values under their form fields' names, as the flash carries them. */
const byField = <V,>(values: Partial<Record<Locale, V>>): Record<string, V> =>
  Object.fromEntries(Object.entries(values).map(([locale, value]) => [localizedMessageField(locale as Locale), value as V]));

/** Saves the contact details (or sends the form back with what was typed and what is wrong). */
export const POST = adminFormRoute({
  params: adminParams,
  fields: contactFormFields,
  onBadRequest: (request, { locale }) =>
    redirectWithFormFlash(contactFlash, request, paths.admin.contact(locale), { state: { errors: { form: 'bad-request' } }, status: 400 }),
  async handle(context) {
    const { request, params, fields } = context;
    const pagePath = paths.admin.contact(params.locale);
    const contact = { name: fields.name, email: fields.email, phone: fields.phone, message: fields.message };
    const privacyMode = fields.privacyMode === 'on';
    const messages = localizedMessagesFrom(context.form);
    const messageLocale = isLocale(fields.messageLocale) ? fields.messageLocale : null;
    const result = await updateContactDetails(context, { contact, privacyMode, messageLocale, messages, now: context.now });
    if (result.kind === 'invalid') {
      // What was typed goes back in the flash cookie; the other languages' messages only while they fit in it.
      const keep = Object.values(messages).join('').length <= 1200;
      return redirectWithFormFlash(contactFlash, request, pagePath, {
        state: {
          values: { ...contact, privacyMode: privacyMode ? 'on' : '', messageLocale: messageLocale ?? '', ...(keep ? byField(messages) : {}) },
          errors: { ...result.problems, ...byField(result.messageProblems) },
        },
        status: 422,
      });
    }
    return redirectWithFormFlash(contactFlash, request, pagePath, { state: { data: { notice: 'saved' } }, status: 200 });
  },
});
