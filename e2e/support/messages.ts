import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';

export type TestLocale = 'en' | 'sv' | 'cs' | 'de' | 'fr' | 'ja' | 'ar';

/**
 * The portal's own strings, formatted as the portal formats them, so a test
 * can look for the text a person in that locale sees.
 */
export function translator(locale: TestLocale) {
  const messages = JSON.parse(readFileSync(path.resolve('locales', `${locale}.json`), 'utf8')) as Record<string, unknown>;
  // A key the portal lacks must fail the test, not quietly print the key.
  const onError = (error: Error) => {
    throw error;
  };
  return createTranslator({ locale, messages: messages as never, onError }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}
