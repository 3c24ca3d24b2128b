import type { ManagedUser } from '@/lib/accounts/types';
import { offerStatusActions, type ActionOffer } from './rules';

/**
 * The reference-code lookup's rules: which account a code leads an
 * administrator to, and what the page offers for it.
 */

/** What a diagnosis records about whom it concerns (never the address). */
type DiagnosisSubject = { siteId: number | null; subjectUserId: number | null };

/**
 * The account a quoted code leads to, for the administrator of `adminSiteId`:
 * only one of that site's own accounts. A code with no site (no account found)
 * or another site's code leads to none, whatever subject it records.
 */
export function lookupSubjectId(diagnosis: DiagnosisSubject, adminSiteId: number): number | undefined {
  if (diagnosis.siteId === null || diagnosis.siteId !== adminSiteId) return undefined;
  return diagnosis.subjectUserId ?? undefined;
}

/**
 * The actions the lookup shows for the account: the users list's status
 * actions for its state, so the two pages never disagree. Reactivating and
 * resending an invitation post at once; deactivating and deleting are asked
 * again on their confirmation pages.
 */
export function lookupActions(user: ManagedUser, actorId: number): ActionOffer[] {
  return offerStatusActions(user, actorId);
}
