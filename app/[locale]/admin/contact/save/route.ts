import { handleAdminPost } from '@/lib/admin/auth';
import { contactLimits, type ContactField } from '@/lib/admin/rules';
import { updateContactDetails } from '@/lib/admin/service';
import { redirectWithFlash } from '@/lib/http/flash-cookie';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse } from '@/lib/http/responses';
import { paths } from '@/lib/paths';

/** Saves the contact details (or sends the form back with what was typed and what is wrong). */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const pagePath = paths.admin.contact(locale);
  return handleAdminPost(
    request,
    locale,
    () => redirectWithFlash(request, pagePath, { state: { errors: { form: 'bad-request' } }, status: 400 }),
    async (context) => {
      // Kept a little past each limit, so an over-long value comes back to be shortened, and the
      // form's state still fits the flash cookie whatever was posted.
      const field = (name: ContactField) => (context.form.get(name) ?? '').slice(0, contactLimits[name] + 50);
      const contact = { name: field('name'), email: field('email'), phone: field('phone'), message: field('message') };
      const privacyMode = context.form.get('privacyMode') === 'on';
      const result = await updateContactDetails(context, { contact, privacyMode, now: context.now });
      if (result.kind === 'invalid') {
        return redirectWithFlash(request, pagePath, {
          state: { values: { ...contact, privacyMode: privacyMode ? 'on' : '' }, errors: { ...result.problems } },
          status: 422,
        });
      }
      return redirectWithFlash(request, pagePath, { state: { data: { notice: 'saved' } }, status: 200 });
    },
  );
}
