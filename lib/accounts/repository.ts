import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { prepared } from '@/lib/db/prepared';
import { organizations, sites, users } from '@/lib/db/schema';
import type { AccountFacts } from './lifecycle';
import type { UserStatus } from './types';

export type ContactDetails = { name: string | null; email: string | null; phone: string | null; message: string | null };

export type SiteRecord = {
  id: number;
  slug: string;
  name: string;
  contact: ContactDetails;
  hasContactDetails: boolean;
  privacyMode: boolean;
  organization: { id: number; name: string; csm: { name: string | null; email: string | null; phone: string | null } };
};

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

export function toSiteRecord(site: SiteRow, organization: OrganizationRow): SiteRecord {
  const contact = { name: site.contactName, email: site.contactEmail, phone: site.contactPhone, message: site.contactMessage };
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    contact,
    hasContactDetails: Object.values(contact).some((value) => value !== null && value.trim() !== ''),
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
