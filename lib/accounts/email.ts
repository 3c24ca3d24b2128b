/** The longest address SMTP allows (RFC 5321: 254 characters in a forward path). */
export const maxEmailLength = 254;

export type EmailCheck =
  | { kind: 'ok'; email: string }
  | { kind: 'empty' }
  | { kind: 'too-long'; max: number }
  | { kind: 'invalid' };

/**
 * Normalizes an email address as typed (surrounding spaces, letter case, a
 * trailing dot some mail clients add) and checks it is shaped like one. Not a full
 * RFC 5322 parser: a deliberately plain check that accepts what real people type
 * and rejects what cannot be delivered.
 */
export function normalizeEmail(input: unknown): EmailCheck {
  if (typeof input !== 'string') return { kind: 'empty' };
  const trimmed = input.normalize('NFC').trim().replace(/\.$/, '');
  if (!trimmed) return { kind: 'empty' };
  if (trimmed.length > maxEmailLength) return { kind: 'too-long', max: maxEmailLength };
  const email = trimmed.toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return { kind: 'invalid' };
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const isLocalValid = local.length <= 64 && /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u.test(local) && !/^\.|\.$|\.\./.test(local);
  const isDomainValid =
    domain.length <= 253 &&
    domain.includes('.') &&
    domain.split('.').every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label));
  return isLocalValid && isDomainValid ? { kind: 'ok', email } : { kind: 'invalid' };
}
