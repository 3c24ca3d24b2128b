import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminFrame, Notice } from '@/components/admin/admin-frame';
import { ContactPreview } from '@/components/admin/contact-preview';
import { contactCardLabels } from '@/components/sign-in-help/contact-card';
import { ErrorSummary, TextField } from '@/components/ui/form';
import { requireAdmin } from '@/lib/admin/auth';
import { contactFields, contactLimits, contactProblems, type ContactField, type ContactProblem } from '@/lib/admin/rules';
import { contactFlash, localizedMessageField } from '@/lib/admin/forms';
import { getDirection, isLocale, localeNames, locales, type Locale } from '@/lib/i18n/locales';
import { readFormFlash } from '@/lib/http/form-route';
import { parseLocaleParam } from '@/lib/i18n/params';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Admin.contact' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

const formId = 'contact-details';

/** Contact details for site administration, with what locked-out users will see beside them. */
export default async function AdminContact({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const context = await requireAdmin(locale);
  const t = await getTranslations('Admin.contact');
  const tf = await getTranslations('Forms');
  const ts = await getTranslations('SignInHelp');
  const site = context.admin.site;
  const flash = await readFormFlash(contactFlash, paths.admin.contact(locale));
  const submitted = flash?.values;
  const values = {
    name: submitted?.name ?? site.contact.name ?? '',
    email: submitted?.email ?? site.contact.email ?? '',
    phone: submitted?.phone ?? site.contact.phone ?? '',
    message: submitted?.message ?? site.contact.message ?? '',
    messageLocale: submitted?.messageLocale ?? site.contact.messageLocale ?? '',
  };
  const localizedValue = (code: Locale) => (submitted ? submitted[localizedMessageField(code)] : site.contact.messages?.[code]) ?? '';
  const localizedError = (code: Locale): ContactProblem | undefined => {
    const problem = flash?.errors?.[localizedMessageField(code)];
    return (contactProblems as readonly string[]).includes(problem ?? '') ? (problem as ContactProblem) : undefined;
  };
  const hasLocalized = locales.some((code) => localizedValue(code).trim() !== '' || localizedError(code));
  const privacyMode = submitted ? submitted.privacyMode === 'on' : site.privacyMode;
  const errors = flash?.errors ?? {};
  const messages = (field: ContactField): Record<ContactProblem, string> => ({
    'too-long': t('tooLong', { max: contactLimits[field] }),
    'invalid-email': t('invalidEmail'),
    'invalid-phone': t('invalidPhone'),
    'invalid-characters': t('invalidCharacters'),
  });
  const message = (field: ContactField) => {
    const problem = errors[field];
    return problem && messages(field)[problem];
  };
  const fieldErrors = [
    ...contactFields.flatMap((field) => {
      const text = message(field);
      return text ? [{ field, message: text }] : [];
    }),
    ...locales.flatMap((code) => {
      const problem = localizedError(code);
      return problem ? [{ field: localizedMessageField(code), message: `${localeNames[code]}: ${messages('message')[problem]}` }] : [];
    }),
  ];
  const orNull = (value: string) => (value.trim() ? value.trim() : null);

  return (
    <AdminFrame locale={locale} context={context} section="contact" title={t('title')} path="/admin/contact">
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      {flash?.data?.notice === 'saved' && <Notice tone="ok">{t('saved')}</Notice>}
      {flash?.errors?.form === 'bad-request' && <Notice tone="problem">{tf('badRequest')}</Notice>}
      <ErrorSummary title={tf('errorSummary')} errors={fieldErrors} />
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <form id={formId} method="post" action={paths.admin.contactSave(locale)} noValidate>
          <input type="hidden" name="csrf" value={context.csrfToken} />
          <TextField id="name" name="name" label={t('name')} defaultValue={values.name} error={message('name')} maxLength={contactLimits.name + 20} autoComplete="organization" />
          <TextField id="email" name="email" type="email" label={t('email')} defaultValue={values.email} error={message('email')} maxLength={contactLimits.email + 20} inputMode="email" dir="ltr" autoComplete="email" />
          <TextField id="phone" name="phone" type="tel" label={t('phone')} defaultValue={values.phone} error={message('phone')} maxLength={contactLimits.phone + 20} inputMode="tel" dir="ltr" autoComplete="tel" />
          <div className="mt-4">
            <label htmlFor="message" className="block font-semibold">
              {t('message')}
            </label>
            <p id="message-hint" className="mt-0.5 text-sm text-muted">
              {t('messageHint', { max: contactLimits.message })}
            </p>
            {message('message') && (
              <p id="message-error" className="mt-1 font-semibold text-danger">
                {message('message')}
              </p>
            )}
            <textarea
              id="message"
              name="message"
              rows={5}
              maxLength={contactLimits.message}
              defaultValue={values.message}
              aria-describedby={message('message') ? 'message-hint message-error' : 'message-hint'}
              aria-invalid={message('message') ? true : undefined}
              className={`mt-1 block w-full max-w-md rounded border px-3 py-2 ${message('message') ? 'border-2 border-danger' : 'border-line'}`}
            />
          </div>
          <div className="mt-4">
            <label htmlFor="messageLocale" className="block font-semibold">
              {t('messageLocale')}
            </label>
            <select id="messageLocale" name="messageLocale" defaultValue={isLocale(values.messageLocale) ? values.messageLocale : ''} className="mt-1 rounded border border-line bg-paper px-3 py-2">
              <option value="">{t('messageLocaleUnknown')}</option>
              {locales.map((code) => (
                <option key={code} value={code} lang={code}>
                  {localeNames[code]}
                </option>
              ))}
            </select>
          </div>
          <details className="mt-4 max-w-md rounded border border-line p-3" open={hasLocalized}>
            <summary className="cursor-pointer font-semibold">{t('perLocale')}</summary>
            <p className="mt-1 text-sm text-muted">{t('perLocaleHint')}</p>
            {locales.map((code) => {
              const problem = localizedError(code);
              const id = localizedMessageField(code);
              return (
                <div key={code} className="mt-3">
                  <label htmlFor={id} className="block font-semibold">
                    {t('messageIn', { language: localeNames[code] })}
                  </label>
                  {problem && (
                    <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
                      {messages('message')[problem]}
                    </p>
                  )}
                  <textarea
                    id={id}
                    name={id}
                    rows={3}
                    maxLength={contactLimits.message}
                    lang={code}
                    dir={getDirection(code)}
                    defaultValue={localizedValue(code)}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    aria-invalid={problem ? true : undefined}
                    className={`mt-1 block w-full rounded border px-3 py-2 ${problem ? 'border-2 border-danger' : 'border-line'}`}
                  />
                </div>
              );
            })}
          </details>
          <div className="mt-6 flex max-w-md items-start gap-3 rounded border border-line p-3">
            <input id="privacyMode" name="privacyMode" type="checkbox" defaultChecked={privacyMode} aria-describedby="privacy-hint" className="mt-1 size-5" />
            <div>
              <label htmlFor="privacyMode" className="font-semibold">
                {t('privacy')}
              </label>
              <p id="privacy-hint" className="text-sm text-muted">
                {t('privacyHint')}
              </p>
            </div>
          </div>
          <button type="submit" className="btn-primary mt-6 text-lg">
            {t('save')}
          </button>
        </form>
        <ContactPreview
          formId={formId}
          initial={{ name: orNull(values.name), email: orNull(values.email), phone: orNull(values.phone), message: orNull(values.message) }}
          initialPrivate={privacyMode}
          texts={{
            heading: t('preview'),
            note: t('previewNote'),
            outcomeTitle: ts('outcome.siteAdminContact.title'),
            outcomeBody: ts('outcome.siteAdminContact.body'),
            cardTitle: ts('card.siteTitle'),
            labels: await contactCardLabels(locale),
            noDetailsBody: ts('outcome.findSiteAdmin.body'),
            noDetailsIt: ts('outcome.findSiteAdmin.it'),
            privateNotice: t('previewPrivate'),
            privateBody: ts('outcome.accountOk.private'),
          }}
        />
      </div>
    </AdminFrame>
  );
}
