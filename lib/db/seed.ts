import { and, eq, notInArray, sql } from 'drizzle-orm';
import { demoAdminPassword } from '@/lib/admin/demo';
import { hashPassword } from '@/lib/auth/password';
import type { DirectoryState, UserStatus } from '@/lib/accounts/types';
import type { Database } from './client';
import { databaseLocks } from './locks';
import { organizations, sites, users } from './schema';

/**
 * The demo organizations, sites and accounts. Dates are relative to the moment
 * of seeding, so the demo stays true ("deactivated 10 days ago" on any day).
 * Idempotent: running it again resets every demo account to this state.
 */


const day = 24 * 60 * 60 * 1000;

type DemoUser = {
  email: string;
  displayName: string;
  status: UserStatus;
  deactivatedDaysAgo?: number;
  statusBeforeDeactivation?: Exclude<UserStatus, 'inactive'>;
  isSiteAdmin?: boolean;
  directoryState?: DirectoryState;
  licenses: string[];
  signedInDaysAgo?: number;
};

type DemoSite = {
  slug: string;
  name: string;
  organization: { name: string; csmName: string; csmEmail: string; csmPhone: string };
  contact: { name: string; email: string; phone: string; message: string } | null;
  users: DemoUser[];
};

export const demoSites: DemoSite[] = [
  {
    slug: 'acme',
    name: 'Acme Corporation',
    organization: {
      name: 'Acme',
      csmName: 'Maria Lindqvist',
      csmEmail: 'maria.lindqvist@success.example',
      csmPhone: '+1 202 555 0143',
    },
    contact: {
      name: 'Acme IT Service Desk',
      email: 'help@acme.example',
      phone: '+1 202 555 0100',
      message: 'Weekdays 8:00–18:00. Mention the reference code from sign-in help.',
    },
    users: [
      { email: 'active.host@acme.example', displayName: 'Alex Active', status: 'active', licenses: ['Meetings', 'Webinars'], signedInDaysAgo: 1 },
      { email: 'verified.host@acme.example', displayName: 'Vera Verified', status: 'verified', licenses: ['Meetings'] },
      { email: 'unverified.host@acme.example', displayName: 'Uma Unverified', status: 'unverified', licenses: ['Meetings'] },
      {
        email: 'deactivated.host@acme.example',
        displayName: 'Dan Deactivated',
        status: 'inactive',
        deactivatedDaysAgo: 10,
        statusBeforeDeactivation: 'active',
        licenses: ['Meetings'],
        signedInDaysAgo: 40,
      },
      {
        email: 'ad.removed@acme.example',
        displayName: 'Rita Removed',
        status: 'inactive',
        deactivatedDaysAgo: 2,
        statusBeforeDeactivation: 'active',
        directoryState: 'removed',
        licenses: ['Meetings'],
        signedInDaysAgo: 20,
      },
      {
        email: 'ad.disabled@acme.example',
        displayName: 'Dirk Disabled',
        status: 'inactive',
        deactivatedDaysAgo: 45,
        statusBeforeDeactivation: 'active',
        directoryState: 'disabled',
        licenses: ['Meetings', 'Webinars'],
        signedInDaysAgo: 60,
      },
      { email: 'site.admin@acme.example', displayName: 'Sam Admin', status: 'active', isSiteAdmin: true, licenses: ['Meetings', 'Webinars'], signedInDaysAgo: 0 },
      {
        email: 'locked.admin@acme.example',
        displayName: 'Lee Locked',
        status: 'inactive',
        deactivatedDaysAgo: 3,
        statusBeforeDeactivation: 'active',
        isSiteAdmin: true,
        licenses: ['Meetings'],
        signedInDaysAgo: 5,
      },
      // On two sites (here and on globex): sign-in help asks which site, unless a site keeps accounts private.
      { email: 'consultant@partner.example', displayName: 'Casey Consultant', status: 'active', licenses: ['Meetings'], signedInDaysAgo: 2 },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex',
    organization: {
      name: 'Globex',
      csmName: 'Kenji Sato',
      csmEmail: 'kenji.sato@success.example',
      csmPhone: '+81 3 5555 0199',
    },
    contact: null,
    users: [
      {
        email: 'deactivated.host@globex.example',
        displayName: 'Gil Globex',
        status: 'inactive',
        deactivatedDaysAgo: 25,
        statusBeforeDeactivation: 'active',
        licenses: ['Meetings'],
        signedInDaysAgo: 30,
      },
      {
        email: 'consultant@partner.example',
        displayName: 'Casey Consultant',
        status: 'inactive',
        deactivatedDaysAgo: 5,
        statusBeforeDeactivation: 'active',
        licenses: ['Meetings'],
        signedInDaysAgo: 9,
      },
    ],
  },
];

export type SeedSummary = { sites: number; users: number };

export async function seedDemoData(db: Database, now: Date = new Date()): Promise<SeedSummary> {
  const ago = (days: number | undefined) => (days === undefined ? null : new Date(now.getTime() - days * day));
  const adminHash = await hashPassword(demoAdminPassword);
  let userCount = 0;

  await db.transaction(async (tx) => {
    // Two servers started together both seed: one waits here for the other's transaction, then
    // finds its organizations and updates instead of inserting them again ("Acme" twice).
    await tx.execute(sql`select pg_advisory_xact_lock(${databaseLocks.seed})`);
    for (const demo of demoSites) {
      const existingOrg = await tx.select().from(organizations).where(eq(organizations.name, demo.organization.name));
      const organizationId =
        existingOrg[0]?.id ?? (await tx.insert(organizations).values({ name: demo.organization.name }).returning())[0]!.id;
      await tx
        .update(organizations)
        .set({ csmName: demo.organization.csmName, csmEmail: demo.organization.csmEmail, csmPhone: demo.organization.csmPhone })
        .where(eq(organizations.id, organizationId));

      const contact = {
        contactName: demo.contact?.name ?? null,
        contactEmail: demo.contact?.email ?? null,
        contactPhone: demo.contact?.phone ?? null,
        contactMessage: demo.contact?.message ?? null,
        privacyMode: false,
        contactUpdatedAt: demo.contact ? now : null,
      };
      const [site] = await tx
        .insert(sites)
        .values({ slug: demo.slug, name: demo.name, organizationId, ...contact })
        .onConflictDoUpdate({ target: sites.slug, set: { name: demo.name, organizationId, ...contact } })
        .returning();

      for (const user of demo.users) {
        const values = {
          siteId: site!.id,
          email: user.email,
          displayName: user.displayName,
          status: user.status,
          statusBeforeDeactivation: user.statusBeforeDeactivation ?? null,
          deactivatedAt: ago(user.deactivatedDaysAgo),
          isSiteAdmin: user.isSiteAdmin ?? false,
          isDirectorySynced: user.directoryState !== undefined,
          directoryState: user.directoryState ?? null,
          licenses: user.licenses,
          passwordHash: user.isSiteAdmin ? adminHash : null,
          lastSignInAt: ago(user.signedInDaysAgo),
        };
        await tx
          .insert(users)
          .values(values)
          .onConflictDoUpdate({ target: [users.siteId, users.email], set: values });
        userCount++;
      }
      // Exactly these accounts: anything else on a demo site goes.
      await tx.delete(users).where(
        and(
          eq(users.siteId, site!.id),
          notInArray(
            users.email,
            demo.users.map((u) => u.email),
          ),
        ),
      );
    }
  });
  return { sites: demoSites.length, users: userCount };
}
