import { normalizeEmail } from '@/lib/accounts/email';
import type { FlashState } from './flash';

export type EmailCheckFailure = { state: FlashState; status: 400 };

/** A typed address, normalized; or the flash that sends it back to the form with its error. */
export function checkEmail(raw: string): { email: string } | EmailCheckFailure {
  const email = normalizeEmail(raw);
  if (email.kind === 'ok') return { email: email.email };
  return { state: { values: { email: raw.slice(0, 300) }, errors: { email: email.kind } }, status: 400 };
}
