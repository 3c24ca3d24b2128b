import { redactPersonalData } from '@/lib/privacy/redact';
import { maxCommentLength } from './constants';

/** A comment as kept: personal data redacted, control characters out, whitespace collapsed, bounded. */
export function cleanComment(raw: string): string {
  return redactPersonalData(raw.replace(/[\p{Cc}\p{Cf}]/gu, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxCommentLength);
}
