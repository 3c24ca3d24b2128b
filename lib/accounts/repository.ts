import 'server-only';
import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { prepared } from '@/lib/db/prepared';
import { adminSessions, organizations, sites, users } from '@/lib/db/schema';
import type { AccountFacts } from './lifecycle';
import type { ManagedUser, SiteAdminRecord, SiteRecord, UserStatus } from './types';

export type AccountRecord = AccountFacts & {
  id: number;
  email: string;
  displayName: string | null;
  statusBeforeDeactivation: UserStatus | null;
  licenses: string[];
  site: SiteRecord;
};

type SiteRow = typeof sites.$inferSelect;
type OrganizationRow = typeof organizations.$inferSelect;

function toSiteRecord(site: SiteRow, organization: OrganizationRow): SiteRecord {
  const contact = { name: site.contactName, email: site.contactEmail, phone: site.contactPhone, message: site.contactMessage };
  const messages = site.contactMessages ?? {};
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    contact: { ...contact, messageLocale: site.contactMessageLocale, messages },
    hasContactDetails: [...Object.values(contact), ...Object.values(messages)].some((value) => value != null && value.trim() !== ''),
    privacyMode: site.privacyMode,
    organization: {
      id: organization.id,
      name: organization.name,
      csm: { name: organization.csmName, email: organization.csmEmail, phone: organization.csmPhone },
    },
  };
}

function toAccountRecord(row: { users: typeof users.$inferSelect; sites: SiteRow; organizations: OrganizationRow }): AccountRecord {
  const user = row.users;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    statusBeforeDeactivation: user.statusBeforeDeactivation,
    deactivatedAt: user.deactivatedAt,
    isSiteAdmin: user.isSiteAdmin,
    isDirectorySynced: user.isDirectorySynced,
    directoryState: user.directoryState,
    licenses: user.licenses,
    site: toSiteRecord(row.sites, row.organizations),
  };
}

function accountsQuery(db: Database) {
  return db
    .select()
    .from(users)
    .innerJoin(sites, eq(users.siteId, sites.id))
    .innerJoin(organizations, eq(sites.organizationId, organizations.id));
}

/** Every account with this (normalized) address, on any site. */
export async function findAccountsByEmail(db: Database, email: string): Promise<AccountRecord[]> {
  const statement = prepared(db, 'accounts_by_email', (d) =>
    accountsQuery(d).where(eq(users.email, sql.placeholder('email'))).prepare('accounts_by_email'),
  );
  return (await statement.execute({ email })).map(toAccountRecord);
}

export async function findAccountOnSite(db: Database, email: string, siteSlug: string): Promise<AccountRecord | undefined> {
  const rows = await accountsQuery(db).where(and(eq(users.email, email), eq(sites.slug, siteSlug)));
  return rows[0] ? toAccountRecord(rows[0]) : undefined;
}

export async function findAccountById(db: Database, id: number): Promise<AccountRecord | undefined> {
  const rows = await accountsQuery(db).where(eq(users.id, id));
  return rows[0] ? toAccountRecord(rows[0]) : undefined;
}

export async function findSite(db: Database, where: { slug: string } | { id: number }): Promise<SiteRecord | undefined> {
  const rows = await db
    .select()
    .from(sites)
    .innerJoin(organizations, eq(sites.organizationId, organizations.id))
    .where('slug' in where ? eq(sites.slug, where.slug) : eq(sites.id, where.id));
  return rows[0] ? toSiteRecord(rows[0].sites, rows[0].organizations) : undefined;
}

/** At start-up: whether the database holds any site yet (an empty one gets the demo data). */
export async function countSites(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(sites);
  return row?.value ?? 0;
}

/** What a password reset link is bound to: the account's current password hash and status. */
export async function findCredentials(db: Database, userId: number): Promise<{ passwordHash: string | null; status: UserStatus } | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash, status: users.status }).from(users).where(eq(users.id, userId));
  return row;
}

export async function setPasswordHash(db: Database, userId: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** A verification link confirms the address: unverified becomes verified (signing in then makes it active). */
export async function markVerified(db: Database, userId: number): Promise<void> {
  await db.update(users).set({ status: 'verified' }).where(eq(users.id, userId));
}


/** Site administrator accounts that may sign in with this address (any site), with their password hashes. */
export async function findSignInCandidates(db: Database, email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status, siteSlug: sites.slug })
    .from(users)
    .innerJoin(sites, eq(users.siteId, sites.id))
    .where(and(eq(users.email, email), eq(users.isSiteAdmin, true)))
    .orderBy(asc(sites.slug));
}

/** The administrator behind a session, while the account may still administer its site. */
export async function findActiveAdmin(db: Database, userId: number): Promise<SiteAdminRecord | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, status: users.status, isSiteAdmin: users.isSiteAdmin, siteId: users.siteId })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || !row.isSiteAdmin || row.status === 'inactive' || row.status === 'unverified') return undefined;
  const site = await findSite(db, { id: row.siteId });
  return site ? { id: row.id, email: row.email, displayName: row.displayName, site } : undefined;
}

export async function recordSignIn(db: Database, userId: number, now: Date, locale?: string): Promise<void> {
  // Signing in is what makes a verified account active (FACTS.md, article B).
  await db
    .update(users)
    .set({ lastSignInAt: now, ...(locale ? { preferredLocale: locale } : {}), status: sql`case when ${users.status} = 'verified' then 'active'::user_status else ${users.status} end` })
    .where(eq(users.id, userId));
}

export type UserRow = ManagedUser & {
  email: string;
  displayName: string | null;
  deactivatedAt: Date | null;
  isSiteAdmin: boolean;
  lastSignInAt: Date | null;
};

export type UserFilter = { status?: UserStatus; query?: string };

function userConditions(siteId: number, filter: UserFilter): SQL {
  const conditions = [eq(users.siteId, siteId)];
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.query) conditions.push(ilike(users.email, `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return and(...conditions)!;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  status: users.status,
  statusBeforeDeactivation: users.statusBeforeDeactivation,
  deactivatedAt: users.deactivatedAt,
  isSiteAdmin: users.isSiteAdmin,
  isDirectorySynced: users.isDirectorySynced,
  directoryState: users.directoryState,
  licenses: users.licenses,
  lastSignInAt: users.lastSignInAt,
};

export async function countUsers(db: Database, siteId: number, filter: UserFilter): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users).where(userConditions(siteId, filter));
  return row?.value ?? 0;
}

export async function listUsers(db: Database, siteId: number, filter: UserFilter, page: { offset: number; limit: number }): Promise<UserRow[]> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(userConditions(siteId, filter))
    .orderBy(asc(users.email))
    .offset(page.offset)
    .limit(page.limit);
  return rows;
}

export async function findUserOnSite(db: Database, siteId: number, userId: number): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
  return row;
}

export async function updateUserOnSite(
  db: Database,
  siteId: number,
  userId: number,
  set: Partial<Pick<UserRow, 'status' | 'statusBeforeDeactivation' | 'licenses' | 'deactivatedAt'>>,
): Promise<void> {
  await db.update(users).set(set).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
  // A deactivated administrator is signed out everywhere at once.
  if (set.status === 'inactive') await db.delete(adminSessions).where(eq(adminSessions.userId, userId));
}

export async function deleteUserOnSite(db: Database, siteId: number, userId: number): Promise<void> {
  await db.delete(users).where(and(eq(users.id, userId), eq(users.siteId, siteId)));
}


/** The lifecycle facts of every inactive account, for the purge. */
export async function listInactiveAccounts(db: Database) {
  return db
    .select({
      id: users.id,
      siteId: users.siteId,
      email: users.email,
      status: users.status,
      deactivatedAt: users.deactivatedAt,
      isSiteAdmin: users.isSiteAdmin,
      isDirectorySynced: users.isDirectorySynced,
      directoryState: users.directoryState,
    })
    .from(users)
    .where(eq(users.status, 'inactive'));
}

/** Deletes an account of a site only while it is still inactive (a reactivation in between wins). */
export async function deleteInactiveAccount(db: Database, siteId: number, userId: number): Promise<boolean> {
  const rows = await db
    .delete(users)
    .where(and(eq(users.id, userId), eq(users.siteId, siteId), eq(users.status, 'inactive')))
    .returning({ id: users.id });
  return rows.length > 0;
}
