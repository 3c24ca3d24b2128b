import type { RetentionPolicy, UserStatus } from '@/lib/accounts/types';

/**
 * The sign-in help domain's types, defined once: the flow (flow.ts), its engine,
 * the diagnoses table's typed columns (lib/db/schema.ts) and the pages use these.
 */

export const problems = ['deactivated', 'forgot-password', 'verification', 'other'] as const;
export type Problem = (typeof problems)[number];

export const outcomeIds = [
  'site-admin-contact',
  'find-site-admin',
  'customer-success-manager',
  'admin-locked-out',
  'directory-removed',
  'directory-disabled',
  'unverified',
  'account-ok',
  'search',
] as const;
export type OutcomeId = (typeof outcomeIds)[number];

export function isOutcomeId(value: unknown): value is OutcomeId {
  return typeof value === 'string' && (outcomeIds as readonly string[]).includes(value);
}

/** What a diagnosis keeps: the path taken and the state found. Never an email address. */
export type DiagnosisState = {
  status: UserStatus | null;
  isSiteAdmin: boolean;
  isDirectoryManaged: boolean;
  retention: RetentionPolicy | null;
  /** When the account will be deleted, as found (ISO), or null. */
  deletesAt: string | null;
  /** Privacy mode sent the guidance by email. */
  mailedGuidance: boolean;
};
