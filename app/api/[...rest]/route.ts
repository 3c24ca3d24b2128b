import { getTranslations } from 'next-intl/server';
import { jsonError } from '@/lib/http/json';
import { getMessageLocale } from '@/lib/i18n/api-locale';

/** Any API path no route claims: a JSON 404 rather than an HTML page. */
async function notFound(request: Request) {
  const t = await getTranslations({ locale: getMessageLocale(request, null), namespace: 'Api' });
  return jsonError(404, 'not_found', t('unknownEndpoint'));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
