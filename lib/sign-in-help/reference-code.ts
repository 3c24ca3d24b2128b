import { randomInt } from 'node:crypto';

/**
 * Diagnosis reference codes: `SP-7K3M-Q9TX`, eight characters of Crockford's
 * base 32 (no I, L, O or U, so nothing reads as another character): 40 random
 * bits, too many to guess. Read back in any case, with or without dashes and
 * spaces, and with the letters people confuse for digits.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateReferenceCode(): string {
  const chars = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]!);
  return `SP-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The canonical form of a code as quoted, or undefined when it cannot be one. */
export function parseReferenceCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^SP/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return undefined;
  return `SP-${compact.slice(0, 4)}-${compact.slice(4)}`;
}
