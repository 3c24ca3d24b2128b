import type { Messages } from '@/lib/i18n/messages';

/**
 * How an audit entry reads, for the page and the CSV alike. Pure.
 */

/** The audit actions and their message keys under Admin.audit.events (typed, so a missing key fails the type check). */
const eventKeys: Partial<Record<string, keyof Messages['Admin']['audit']['events']>> = {
  'sign-in': 'signIn',
  'site.contact-details': 'contactDetails',
  'user.resend-invitation': 'resendInvitation',
  'user.reactivate': 'reactivate',
  'user.deactivate': 'deactivate',
  'user.delete': 'delete',
  'user.remove-license': 'removeLicense',
  'user.assign-license': 'assignLicense',
  'user.undo': 'undo',
  'user.purged': 'purged',
  'reactivation.requested': 'reactivationRequested',
  'reactivation.declined': 'reactivationDeclined',
};

export function auditEventKey(action: string): keyof Messages['Admin']['audit']['events'] | undefined {
  return eventKeys[action];
}

/** The before/after of an entry, briefly: what changed (or the license concerned). */
export function describeAuditChange(details: Record<string, unknown>): string {
  const { before, after, license } = details as { before?: Record<string, unknown>; after?: Record<string, unknown> | null; license?: string };
  if (typeof license === 'string') return license;
  if (!before || !after) return '';
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${JSON.stringify(before[key] ?? null)} → ${JSON.stringify(after[key] ?? null)}`)
    .join('; ');
}
