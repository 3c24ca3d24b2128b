/**
 * The account domain's types, defined once: the database enums (lib/db/schema.ts),
 * the lifecycle rules, site administration and the sign-in help flow all use these.
 */

export const userStatuses = ['active', 'verified', 'unverified', 'inactive'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** Only for accounts synchronized from a company directory: what the directory did to it. */
export const directoryStates = ['removed', 'disabled'] as const;
export type DirectoryState = (typeof directoryStates)[number];

/** How long an inactive account is kept (FACTS.md, article B). */
export type RetentionPolicy = 'deactivated' | 'removed-from-directory' | 'disabled-in-directory';

export function isUserStatus(value: unknown): value is UserStatus {
  return typeof value === 'string' && (userStatuses as readonly string[]).includes(value);
}

/** What site administration's rules look at to decide which actions a user is offered. */
export type ManagedUser = {
  id: number;
  status: UserStatus;
  statusBeforeDeactivation: UserStatus | null;
  isDirectorySynced: boolean;
  directoryState: DirectoryState | null;
  licenses: string[];
};

/** A site's published contact details for site administration: each optional. */
export type ContactDetails = {
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  /** The language `message` is written in, when the administrator said (readers' pages set `lang` and `dir` from it). */
  messageLocale?: string | null;
  /** The message per locale code; a reader's own replaces the default (see lib/accounts/contact-message.ts). */
  messages?: Partial<Record<string, string>>;
};

export type SiteRecord = {
  id: number;
  slug: string;
  name: string;
  contact: ContactDetails;
  hasContactDetails: boolean;
  privacyMode: boolean;
  organization: { id: number; name: string; csm: { name: string | null; email: string | null; phone: string | null } };
};

/** A site administrator account and its site, for the session and the admin pages. */
export type SiteAdminRecord = { id: number; email: string; displayName: string | null; site: SiteRecord };
