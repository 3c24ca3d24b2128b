/** The reactivation request's states, defined once for the table's typed columns and the pages. */
export type RequestState = 'pending' | 'approved' | 'declined' | 'ended';

/** Why a request ended without a decision: the account was reactivated another way, deleted, or nobody answered in time. */
export type RequestEnd = 'reactivated' | 'deleted' | 'expired';

/** How long a pending request waits for an administrator before it ends by itself. */
export const requestLifetimeDays = 14;

/** How long a confirmation link works. */
export const confirmationLinkHours = 24;

export const declineReasonLimit = 500;
