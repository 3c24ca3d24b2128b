import { normalizeEmail } from '@/lib/accounts/email';
import type { ManagedUser, UserStatus } from '@/lib/accounts/types';

/**
 * Site administration's rules, as pure functions: which action a user row
 * offers (FACTS.md, article B), what each does to the row, how long a session
 * lasts, and how the contact details are checked.
 */

export const userActions = ['resend-invitation', 'reactivate', 'deactivate', 'delete', 'remove-license', 'assign-license'] as const;
export type UserAction = (typeof userActions)[number];

export function isUserAction(value: unknown): value is UserAction {
  return typeof value === 'string' && (userActions as readonly string[]).includes(value);
}

/** Why an action is not offered, in the words the page uses. */
export const unavailabilities = ['directory-managed', 'own-account', 'not-for-status', 'no-license'] as const;
export type Unavailability = (typeof unavailabilities)[number];

/** Actions that are asked once more before they happen (a page of their own, so it works without JavaScript). */
const confirmedActions: ReadonlySet<UserAction> = new Set(['deactivate', 'delete', 'remove-license']);
export function needsConfirmation(action: UserAction): boolean {
  return confirmedActions.has(action);
}

/** The licenses an administrator can assign: the product's, and any a user of the site already holds. */
const licenseCatalog = ['Meetings', 'Webinars', 'Events', 'Rooms'] as const;

/** An administrator's optional reason for a destructive action, kept in the audit entry. */
export const reasonLimit = 500;

/** Reasons are free text shown back in the audit log: one line, no control or direction-override characters, at most `reasonLimit`. */
export function cleanReason(raw: string | undefined): string | undefined {
  const text = (raw ?? '')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? [...text].slice(0, reasonLimit).join('') : undefined;
}

export type ActionOffer = { action: UserAction; available: true } | { action: UserAction; available: false; reason: Unavailability };

const forStatus: Record<Exclude<UserAction, 'remove-license' | 'assign-license'>, ReadonlySet<UserStatus>> = {
  'resend-invitation': new Set(['unverified']),
  reactivate: new Set(['inactive']),
  deactivate: new Set(['active', 'verified', 'unverified']),
  delete: new Set(['active', 'verified', 'unverified', 'inactive']),
};

/**
 * What one action offers for a user, seen by the administrator `actorId`.
 * A directory-synced account's status belongs to the directory: changing it here
 * would be undone at the next synchronization, so those actions are refused with
 * the reason. Licenses are assigned here, so removing one stays possible.
 */
export function offerAction(user: ManagedUser, action: UserAction, actorId: number, license?: string): ActionOffer {
  if (action === 'remove-license') {
    return license && user.licenses.includes(license) ? { action, available: true } : { action, available: false, reason: 'no-license' };
  }
  if (action === 'assign-license') {
    return license && (licenseCatalog as readonly string[]).includes(license) && !user.licenses.includes(license)
      ? { action, available: true }
      : { action, available: false, reason: 'no-license' };
  }
  if (user.isDirectorySynced) return { action, available: false, reason: 'directory-managed' };
  // Deactivating or deleting yourself would leave you locked out of this page.
  if (user.id === actorId && (action === 'deactivate' || action === 'delete')) return { action, available: false, reason: 'own-account' };
  return forStatus[action].has(user.status) ? { action, available: true } : { action, available: false, reason: 'not-for-status' };
}

/**
 * The status actions a user row shows, in the order the page lists them: those
 * its status calls for, each offered or not (with the reason).
 */
export function offerStatusActions(user: ManagedUser, actorId: number): ActionOffer[] {
  return (['resend-invitation', 'reactivate', 'deactivate', 'delete'] as const)
    .filter((action) => forStatus[action].has(user.status))
    .map((action) => offerAction(user, action, actorId));
}

export type UserChange =
  | { kind: 'update'; set: Partial<Pick<ManagedUser, 'status' | 'statusBeforeDeactivation' | 'licenses'>> & { deactivatedAt?: Date | null } }
  | { kind: 'delete' }
  | { kind: 'send-invitation' };

/** What an offered action does to the row. */
export function changeFor(user: ManagedUser, action: UserAction, now: Date, license?: string): UserChange {
  switch (action) {
    case 'resend-invitation':
      return { kind: 'send-invitation' };
    case 'reactivate':
      // Back to where it was; an account deactivated before that was recorded has at least verified its address.
      return { kind: 'update', set: { status: user.statusBeforeDeactivation ?? 'verified', statusBeforeDeactivation: null, deactivatedAt: null } };
    case 'deactivate':
      return { kind: 'update', set: { status: 'inactive', statusBeforeDeactivation: user.status, deactivatedAt: now } };
    case 'delete':
      return { kind: 'delete' };
    case 'remove-license':
      return { kind: 'update', set: { licenses: user.licenses.filter((held) => held !== license) } };
    case 'assign-license':
      return { kind: 'update', set: { licenses: license && !user.licenses.includes(license) ? [...user.licenses, license] : user.licenses } };
  }
}

/** The licenses a user can be given: those of the catalog they do not hold. */
export function assignableLicenses(user: ManagedUser): string[] {
  return licenseCatalog.filter((license) => !user.licenses.includes(license));
}

/** How long after a deactivation or a license removal its "Undo" is honoured. */
export const undoWindowMs = 10 * 60 * 1000;
export const undoableAudits = ['user.deactivate', 'user.remove-license'] as const;

/** What an audit entry needs for its undo to be judged: the action, its actor, time, target and before-state. */
export type UndoableEntry = {
  action: string;
  actorUserId: number | null;
  createdAt: Date;
  details: { userId?: unknown; before?: { status?: unknown }; license?: unknown };
};

export const undoRefusals = ['expired', 'not-undoable', 'changed-since', 'already-undone'] as const;
export type UndoRefusal = (typeof undoRefusals)[number];

export type UndoDecision =
  | { kind: 'undo'; userId: number; set: Extract<UserChange, { kind: 'update' }>['set'] }
  | { kind: 'refused'; reason: Exclude<UndoRefusal, 'already-undone'> };

/**
 * Whether an audited action can still be undone by this administrator, and what
 * undoing it sets: only the administrator who acted, within `undoWindowMs`, and
 * only while the user is still as the action left them (a reactivation or a
 * new license in the meantime is not overwritten).
 */
export function decideUndo(entry: UndoableEntry, user: ManagedUser | undefined, actorId: number, now: Date): UndoDecision {
  if (!(undoableAudits as readonly string[]).includes(entry.action) || entry.actorUserId !== actorId || typeof entry.details.userId !== 'number') {
    return { kind: 'refused', reason: 'not-undoable' };
  }
  const age = now.getTime() - entry.createdAt.getTime();
  if (age < 0 || age > undoWindowMs) return { kind: 'refused', reason: 'expired' };
  if (!user || user.id !== entry.details.userId) return { kind: 'refused', reason: 'changed-since' };
  if (entry.action === 'user.deactivate') {
    const previous = entry.details.before?.status;
    if (user.status !== 'inactive' || typeof previous !== 'string' || previous === 'inactive') return { kind: 'refused', reason: 'changed-since' };
    return { kind: 'undo', userId: user.id, set: { status: previous as UserStatus, statusBeforeDeactivation: null, deactivatedAt: null } };
  }
  const license = entry.details.license;
  if (typeof license !== 'string' || user.licenses.includes(license)) return { kind: 'refused', reason: 'changed-since' };
  return { kind: 'undo', userId: user.id, set: { licenses: [...user.licenses, license] } };
}

/** The actions the users list applies to several selected users at once. */
export const bulkActions = ['resend-invitation', 'deactivate'] as const;
export type BulkAction = (typeof bulkActions)[number];
export function isBulkAction(value: unknown): value is BulkAction {
  return typeof value === 'string' && (bulkActions as readonly string[]).includes(value);
}
/** At most one page of users is selected at once. */
export const bulkLimit = 25;

/** Sessions: 12 hours at most, and 30 minutes without a request ends one sooner. */
export const sessionLimits = { absoluteMs: 12 * 60 * 60 * 1000, idleMs: 30 * 60 * 1000 } as const;

export function isSessionCurrent(session: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean {
  const age = now.getTime() - session.createdAt.getTime();
  const idle = now.getTime() - session.lastSeenAt.getTime();
  return age >= 0 && age < sessionLimits.absoluteMs && idle < sessionLimits.idleMs;
}

/** Recording every request's time would be a write per page; once a minute is precise enough for a 30-minute limit. */
export function shouldTouchSession(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > 60_000;
}

export const contactLimits = { name: 120, email: 254, phone: 40, message: 1000 } as const;
export type ContactField = keyof typeof contactLimits;
export type ContactInput = Record<ContactField, string>;
export const contactFields = ['name', 'email', 'phone', 'message'] as const satisfies readonly ContactField[];
export const contactProblems = ['too-long', 'invalid-email', 'invalid-phone', 'invalid-characters'] as const;
export type ContactProblem = (typeof contactProblems)[number];

/**
 * A plain address: the shared address check, and none of the characters that give a mailto: link
 * parameters or a fragment (`?`, `&`, `%`, `#`), though some are legal in an address's local part.
 */
function isPlainAddress(value: string): boolean {
  return normalizeEmail(value).kind === 'ok' && !/[?&%#]/.test(value);
}
/** Digits with the usual separators and an optional leading +, at least 5 digits in all. */
const phoneShape = /^\+?[\d\s().\-/]+$/;

/**
 * Checks the contact details form. Every field is optional; what is entered is
 * trimmed and must fit, and an email or phone must look like one, because
 * locked-out users get it as a mailto: or tel: link.
 */
export function checkContactDetails(input: ContactInput): { values: ContactInput; problems: Partial<Record<ContactField, ContactProblem>> } {
  const values = Object.fromEntries(
    (Object.keys(contactLimits) as ContactField[]).map((field) => [
      field,
      field === 'message' ? input[field].replace(/\r\n?/g, '\n').trim() : input[field].replace(/\s+/g, ' ').trim(),
    ]),
  ) as ContactInput;
  const problems: Partial<Record<ContactField, ContactProblem>> = {};
  for (const field of Object.keys(contactLimits) as ContactField[]) {
    const value = values[field];
    // Control and bidirectional-override characters could disguise what users see.
    if (/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(value)) problems[field] = 'invalid-characters';
    else if ([...value].length > contactLimits[field]) problems[field] = 'too-long';
  }
  if (!problems.email && values.email && !isPlainAddress(values.email)) problems.email = 'invalid-email';
  if (!problems.phone && values.phone && (!phoneShape.test(values.phone) || values.phone.replace(/\D/g, '').length < 5)) {
    problems.phone = 'invalid-phone';
  }
  return { values, problems };
}

/** The message in other languages: each optional, checked as the default message is. */
export function checkLocalizedMessages(input: Partial<Record<string, string>>): { values: Record<string, string>; problems: Record<string, ContactProblem> } {
  const values: Record<string, string> = {};
  const problems: Record<string, ContactProblem> = {};
  for (const [locale, raw] of Object.entries(input)) {
    const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (!value) continue;
    values[locale] = value;
    if (/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(value)) problems[locale] = 'invalid-characters';
    else if ([...value].length > contactLimits.message) problems[locale] = 'too-long';
  }
  return { values, problems };
}

export const usersPageSize = 25;

/** A page number from the query string: 1 when missing or nonsense, never past the last page. */
export function pageFrom(raw: string | undefined, total: number, size = usersPageSize): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = Number.parseInt(raw ?? '', 10);
  const page = Number.isFinite(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  return { page, pages, offset: (page - 1) * size };
}
