import type { DirectoryState, RetentionPolicy, UserStatus } from './types';

/**
 * The account lifecycle rules (FACTS.md, article B), as one pure function:
 *
 * - an inactive (deactivated) account is deleted 30 days after deactivation;
 * - an account synchronized from the company directory and removed there is
 *   inactive and deleted 7 days after the synchronization that removed it;
 * - an account disabled in the directory is kept inactive indefinitely.
 *
 * Time is counted in exact milliseconds from the deactivation instant, so the
 * answer is the same in every time zone and across daylight-saving changes.
 */


export type AccountFacts = {
  status: UserStatus;
  /** When the account became inactive (for a directory account: the synchronization that did it). */
  deactivatedAt: Date | null;
  isSiteAdmin: boolean;
  isDirectorySynced: boolean;
  directoryState: DirectoryState | null;
};

export const retentionDays = { deactivated: 30, removedFromDirectory: 7 } as const;

export type Retention =
  | { policy: Exclude<RetentionPolicy, 'disabled-in-directory'>; deletesAt: Date; daysLeft: number }
  | { policy: 'disabled-in-directory' };

/** Who or what can unblock the account, most direct first. */
type FixRoute =
  | 'site-administrator'
  | 'customer-success-manager'
  | 'company-directory'
  | 'verification-email'
  | 'password-reset';

export type AccountState = {
  status: UserStatus;
  /** Whether the account itself allows signing in (the person may still have lost their password). */
  canSignIn: boolean;
  /** Inactive accounts only: when it is deleted, or that it is kept. */
  retention: Retention | null;
  /** Past its retention: the hourly purge deletes it at its next run. */
  isDueForDeletion: boolean;
  routes: FixRoute[];
};

const dayMs = 24 * 60 * 60 * 1000;

function retentionFor(account: AccountFacts, now: Date): Retention {
  if (account.isDirectorySynced && account.directoryState === 'disabled') return { policy: 'disabled-in-directory' };
  const removed = account.isDirectorySynced && account.directoryState === 'removed';
  const days = removed ? retentionDays.removedFromDirectory : retentionDays.deactivated;
  // An inactive account without a date (data from before dates were kept) counts from now: the longest wait.
  const since = account.deactivatedAt ?? now;
  const deletesAt = new Date(since.getTime() + days * dayMs);
  // A deactivation dated in the future (clock skew between servers) still leaves at most the full period.
  const remaining = Math.min(deletesAt.getTime() - now.getTime(), days * dayMs);
  return {
    policy: removed ? 'removed-from-directory' : 'deactivated',
    deletesAt,
    daysLeft: daysUntil(new Date(now.getTime() + remaining), now),
  };
}

function routesFor(account: AccountFacts): FixRoute[] {
  switch (account.status) {
    case 'inactive':
      // The directory wins: a change made in site administration is undone at the next synchronization.
      if (account.isDirectorySynced) return ['company-directory'];
      if (account.isSiteAdmin) return ['customer-success-manager'];
      return ['site-administrator', 'customer-success-manager'];
    case 'unverified':
      return ['verification-email', 'site-administrator'];
    case 'verified':
    case 'active':
      return ['password-reset'];
  }
}

export function deriveAccountState(account: AccountFacts, now: Date): AccountState {
  const retention = account.status === 'inactive' ? retentionFor(account, now) : null;
  return {
    status: account.status,
    canSignIn: account.status === 'active' || account.status === 'verified',
    retention,
    isDueForDeletion:
      retention !== null && retention.policy !== 'disabled-in-directory' && retention.deletesAt.getTime() <= now.getTime(),
    routes: routesFor(account),
  };
}

/** Whole days from now until an instant, rounded up, never negative: "deleted in N days". */
export function daysUntil(instant: Date, now: Date): number {
  return Math.max(0, Math.ceil((instant.getTime() - now.getTime()) / dayMs));
}
