import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
// Relative, so drizzle-kit (which does not read tsconfig paths) can load the schema.
import { directoryStates, userStatuses } from '../accounts/types';
import type { TokenPurpose } from '../auth/tokens';
import type { DiagnosisState, OutcomeId, Problem } from '../sign-in-help/types';
import type { RequestEnd, RequestState } from '../reactivation/types';

/**
 * The database schema. Plain Postgres (identity columns, timestamptz, jsonb,
 * text[]), so the same migrations run on the embedded PGlite and on a Postgres
 * server selected by DATABASE_URL.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const userStatus = pgEnum('user_status', userStatuses);
export const directoryState = pgEnum('directory_state', directoryStates);

export const organizations = pgTable('organizations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  csmName: text('csm_name'),
  csmEmail: text('csm_email'),
  csmPhone: text('csm_phone'),
  createdAt: createdAt(),
});

export const sites = pgTable(
  'sites',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The site's short name, as in its address (`acme` in acme.example.com). */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Contact details for site administration: each optional; none at all is allowed. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactMessage: text('contact_message'),
    /** The language the default message is written in (a locale code); null when not said. */
    contactMessageLocale: text('contact_message_locale'),
    /** The message in particular languages, by locale code: readers of one see it instead of the default. */
    contactMessages: jsonb('contact_messages').$type<Partial<Record<string, string>>>().notNull().default({}),
    /** Privacy mode: contact details go by email to a deactivated account, never onto a page. */
    privacyMode: boolean('privacy_mode').notNull().default(false),
    contactUpdatedAt: timestamp('contact_updated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('sites_slug_unique').on(table.slug)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** Always stored normalized (trimmed, lower-cased): unique per site, compared case-insensitively. */
    email: text('email').notNull(),
    displayName: text('display_name'),
    status: userStatus('status').notNull(),
    /** What Reactivate returns the account to. */
    statusBeforeDeactivation: userStatus('status_before_deactivation'),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    isSiteAdmin: boolean('is_site_admin').notNull().default(false),
    isDirectorySynced: boolean('is_directory_synced').notNull().default(false),
    directoryState: directoryState('directory_state'),
    licenses: text('licenses').array().notNull().default(sql`'{}'::text[]`),
    /** scrypt hash, site administrators only (they sign in to site administration). */
    passwordHash: text('password_hash'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /**
     * The language the person last used with us (a locale code): a site administrator's when they
     * sign in to site administration, anyone's when they confirm a reactivation request. Email that
     * is not an answer to the person's own request (a reactivation request for an administrator) is
     * written in it. Null until known.
     */
    preferredLocale: text('preferred_locale'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('users_site_email_unique').on(table.siteId, table.email),
    index('users_email').on(table.email),
    index('users_site_status').on(table.siteId, table.status),
    check('users_email_normalized', sql`${table.email} = lower(btrim(${table.email}))`),
    check('users_inactive_has_date', sql`${table.status} <> 'inactive' or ${table.deactivatedAt} is not null`),
  ],
);

/** "Was this article helpful?": one vote per browser per article, changeable. */
export const articleFeedback = pgTable(
  'article_feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: text('article_id').notNull(),
    locale: text('locale').notNull(),
    /** A random identifier from the voter's cookie, hashed: counts votes, identifies nobody. */
    voterHash: text('voter_hash').notNull(),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('article_feedback_voter').on(table.articleId, table.voterHash),
    index('article_feedback_article').on(table.articleId, table.locale),
  ],
);

/**
 * One sign-in help run, found again by the reference code the person quotes.
 * Holds the path taken and the state found; never the email address.
 */
export const diagnoses = pgTable(
  'diagnoses',
  {
    code: text('code').primaryKey(),
    locale: text('locale').notNull(),
    problem: text('problem').$type<Problem>().notNull(),
    outcome: text('outcome').$type<OutcomeId>().notNull(),
    /** The site of the account, when one was found (decides who may look the code up). */
    siteId: integer('site_id').references(() => sites.id, { onDelete: 'set null' }),
    /**
     * The account the run found, when exactly one was (never the address): the site's administrator
     * reaches it from the code, and an unverified result's "send again" uses it. Cleared with the account.
     */
    subjectUserId: integer('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Status, directory state, site-administrator flag and deletion date as found. */
    state: jsonb('state').$type<DiagnosisState>().notNull(),
    solved: boolean('solved'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  // Deleting an account clears its diagnoses' subject: the index keeps that from scanning every diagnosis.
  (table) => [index('diagnoses_site').on(table.siteId), index('diagnoses_expires').on(table.expiresAt), index('diagnoses_subject').on(table.subjectUserId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id').references(() => sites.id),
    /** The administrator who acted; null for the system (the lifecycle purge). */
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetLabel: text('target_label'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (table) => [index('audit_events_site_time').on(table.siteId, table.createdAt)],
);

/** Every outbound email. Delivered by SMTP when configured; otherwise kept for the development mailbox. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The site whose user the message is for, so that site's administrators see it when it cannot be delivered. */
    siteId: integer('site_id').references(() => sites.id, { onDelete: 'set null' }),
  },
  (table) => [index('email_outbox_pending').on(table.sentAt, table.createdAt)],
);

/**
 * Requests whose email is decided off the request path (forgot-password, sign-in help in privacy
 * mode): the request stores one row of the same shape for every address, and the mail worker
 * (lib/mail/worker.ts) looks the address up again and writes whatever mail it needs to the outbox.
 * A row is deleted once handled, so typed addresses are not kept.
 */
export const mailRequests = pgTable('mail_requests', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  flow: text('flow').$type<'forgot-password' | 'sign-in-help' | 'reactivation'>().notNull(),
  email: text('email').notNull(),
  /** Sign-in help asked about one site (the site question); null means every site the address is on. */
  siteSlug: text('site_slug'),
  locale: text('locale').notNull(),
  /** The request's diagnosis (every request has one), quoted in any guidance email it leads to. */
  referenceCode: text('reference_code'),
  createdAt: createdAt(),
  attempts: integer('attempts').notNull().default(0),
});

/**
 * Single-use tokens for email links (reset a password, verify an address). The link carries 256
 * random bits; the table keeps only their SHA-256. Using one ends every earlier one for the same
 * account and purpose; a change of the account's status ends its verification tokens (a trigger,
 * migration 0002), whatever code path changed it.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<TokenPurpose>().notNull(),
    /** The sign-in help reference code the link came from (a reactivation request quotes it). */
    referenceCode: text('reference_code'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('account_tokens_user').on(table.userId, table.purpose)],
);

/** Searches that found nothing, for the support report: the query with personal data removed. */
export const searchMisses = pgTable(
  'search_misses',
  {
    locale: text('locale').notNull(),
    query: text('query').notNull(),
    count: integer('count').notNull().default(1),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.locale, table.query] })],
);

/** Site administration sessions: the cookie holds the random ID, the table only its hash. */
export const adminSessions = pgTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('admin_sessions_user').on(table.userId)],
);

/** Page views of articles served in English for a missing translation, per locale and day. */
export const fallbackViews = pgTable(
  'fallback_views',
  {
    day: text('day').notNull(),
    locale: text('locale').notNull(),
    articleId: text('article_id').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.day, table.locale, table.articleId] })],
);

/**
 * Settings every server must agree on and none may invent alone. One row, `signpost-secret`:
 * the secret generated for a site on Postgres without SIGNPOST_SECRET, created by whichever
 * server starts first and read by all (lib/db/shared-secret.ts).
 */
export const sharedSettings = pgTable('shared_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * When each periodic job last started, on any server: a server runs a job only after claiming
 * this row for the interval (lib/db/periodic.ts), so the purge runs once per interval, not once
 * per server.
 */
export const periodicJobs = pgTable('periodic_jobs', {
  name: text('name').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  startedBy: text('started_by').notNull(),
});


/**
 * A deactivated person's request that their site administrator reactivate the account. Filed only
 * through a link sent to the account's own address (so nobody files one in someone else's name);
 * at most one pending per account (a partial unique index). It ends when an administrator
 * reactivates or declines it, and by itself when the account is reactivated another way or
 * deleted (triggers, migration 0008, whatever code path did it) or after `requestLifetimeDays`.
 */
export const reactivationRequests = pgTable(
  'reactivation_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** Null once the account is deleted: the request stays, as history, without the person. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').$type<RequestState>().notNull().default('pending'),
    endedReason: text('ended_reason').$type<RequestEnd>(),
    /** The language the person asked in: the decision email is written in it. */
    locale: text('locale').notNull(),
    referenceCode: text('reference_code'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    declineReason: text('decline_reason'),
  },
  (table) => [
    uniqueIndex('reactivation_requests_one_pending').on(table.userId).where(sql`${table.state} = 'pending'`),
    index('reactivation_requests_site').on(table.siteId, table.state, table.createdAt),
  ],
);
