import { adminFormRoute } from '@/lib/admin/auth';
import { adminParams, contactFlash, contactFormFields } from '@/lib/admin/forms';
import { updateContactDetails } from '@/lib/admin/service';
import { redirectWithFormFlash } from '@/lib/http/form-route';
import { paths } from '@/lib/paths';

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
    const result = await updateContactDetails(context, { contact, privacyMode, now: context.now });
    if (result.kind === 'invalid') {
      return redirectWithFormFlash(contactFlash, request, pagePath, {
        state: { values: { ...contact, privacyMode: privacyMode ? 'on' : '' }, errors: { ...result.problems } },
        status: 422,
      });
    }
    return redirectWithFormFlash(contactFlash, request, pagePath, { state: { data: { notice: 'saved' } }, status: 200 });
  },
});
