/**
 * Every rate limit, in one place. Each action is limited per client address, and, where an email
 * address is involved, in two more ways:
 *
 * - perClient stops one client from trying many addresses (finding out which have accounts).
 * - perEmailAndClient counts one address from one client: the person retrying, or one stranger
 *   hammering someone's address. It is the tight limit, and it blocks only that client for that
 *   address: a stranger who spends it does not block the person's own help from their device.
 * - perEmail counts one address from every client together: a ceiling several times higher, which
 *   only a stranger using many client addresses at once can reach. It stops a distributed attack on
 *   one address (or one inbox) without letting a single client lock anybody out.
 *
 * Site administration's failed sign-ins keep a tight per-address limit instead: there, guessing
 * one account's password from many clients is the attack, and a successful sign-in clears it.
 */
export type LimitRule = { points: number; durationSeconds: number };
export type Policy = { perClient: LimitRule; perEmailAndClient?: LimitRule; perEmail?: LimitRule };

const minutes = (n: number) => n * 60;

export const policies = {
  /** Sign-in help: looking up an account's status. */
  lookup: {
    perClient: { points: 20, durationSeconds: minutes(15) },
    perEmailAndClient: { points: 6, durationSeconds: minutes(15) },
    perEmail: { points: 60, durationSeconds: minutes(15) },
  },
  /** Forgot password: may send a reset link or contact details by email. */
  forgotPassword: {
    perClient: { points: 10, durationSeconds: minutes(15) },
    perEmailAndClient: { points: 3, durationSeconds: minutes(15) },
    perEmail: { points: 15, durationSeconds: minutes(15) },
  },
  /** Sending the verification email again from a sign-in help result. */
  resendVerification: {
    perClient: { points: 5, durationSeconds: minutes(60) },
    perEmailAndClient: { points: 3, durationSeconds: minutes(60) },
    perEmail: { points: 10, durationSeconds: minutes(60) },
  },
  /** "Ask my administrator to reactivate my account": may send a confirmation link to the account. */
  reactivationRequest: {
    perClient: { points: 5, durationSeconds: minutes(60) },
    perEmailAndClient: { points: 3, durationSeconds: minutes(60) },
    perEmail: { points: 10, durationSeconds: minutes(60) },
  },
  /** Filing the request from its link: emails the site's administrators (once per pending request). */
  reactivationConfirm: { perClient: { points: 10, durationSeconds: minutes(60) } },
  /** Failed sign-ins to site administration (successful ones are not counted). */
  adminSignIn: { perClient: { points: 20, durationSeconds: minutes(15) }, perEmail: { points: 5, durationSeconds: minutes(15) } },
  /** Recording searches that found nothing (over the limit they are just not recorded). */
  searchMiss: { perClient: { points: 30, durationSeconds: minutes(60) } },
  /** Article feedback and "did this solve your problem?" answers. */
  feedback: { perClient: { points: 30, durationSeconds: minutes(60) } },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof policies;

/** Whole minutes to wait, rounded up: what the "try again in N minutes" message says. */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
