import 'server-only';
import { endExpiredRequests } from '@/lib/reactivation/service';
import { deleteSpentTokens } from '@/lib/account-recovery/token-store';
import { deriveAccountState, type Retention } from '@/lib/accounts/lifecycle';
import { deleteInactiveAccount, listInactiveAccounts } from '@/lib/accounts/repository';
import type { Database } from '@/lib/db/client';
import { claimPeriodicRun } from '@/lib/db/periodic';
import { log } from '@/lib/server/log';
import { deleteExpiredDiagnoses } from '@/lib/sign-in-help/repository';
import { recordAudit } from './repository';
import { deleteExpiredSessions } from './session';

type PurgeCandidate = { id: number; siteId: number; email: string; policy: Exclude<Retention, { policy: 'disabled-in-directory' }>['policy']; deletesAt: Date };
export type PurgeReport = { dryRun: boolean; accounts: PurgeCandidate[]; diagnoses: number; sessions: number; tokens: number };

/** Inactive accounts past their retention (FACTS.md: 30 days; 7 if removed from the directory; never if disabled in it). */
async function findAccountsDue(db: Database, now: Date): Promise<PurgeCandidate[]> {
  const inactive = await listInactiveAccounts(db);
  return inactive.flatMap((row) => {
    const state = deriveAccountState(row, now);
    const retention = state.retention;
    if (!state.isDueForDeletion || !retention || retention.policy === 'disabled-in-directory') return [];
    return [{ id: row.id, siteId: row.siteId, email: row.email, policy: retention.policy, deletesAt: retention.deletesAt }];
  });
}

/**
 * The lifecycle purge: deletes the accounts that are due, each audited on its
 * site, plus expired diagnosis records and sessions. Running it twice deletes
 * nothing more the second time. A dry run reports and changes nothing.
 */
export async function runPurge(db: Database, now: Date, options: { dryRun: boolean }): Promise<PurgeReport> {
  const due = await findAccountsDue(db, now);
  if (options.dryRun) return { dryRun: true, accounts: due, diagnoses: 0, sessions: 0, tokens: 0 };

  const deleted: PurgeCandidate[] = [];
  for (const account of due) {
    // The deletion and its audit entry are one transaction: never one without the other.
    const purged = await db.transaction(async (tx) => {
      // Deleted only while still inactive: a reactivation between the query and now wins.
      if (!(await deleteInactiveAccount(tx, account.siteId, account.id))) return false;
      await recordAudit(
        tx,
        {
          siteId: account.siteId,
          actorUserId: null,
          actorLabel: 'lifecycle',
          action: 'user.purged',
          targetLabel: account.email,
          details: { policy: account.policy, deletesAt: account.deletesAt.toISOString() },
        },
        now,
      );
      return true;
    });
    if (purged) deleted.push(account);
  }
  const diagnoses = await deleteExpiredDiagnoses(db, now);
  const sessions = await deleteExpiredSessions(db, now);
  const tokens = await deleteSpentTokens(db, now);
  const requests = await endExpiredRequests(db, now);
  log.info('purge.done', { accounts: deleted.length, diagnoses, sessions, tokens, requests });
  return { dryRun: false, accounts: deleted, diagnoses, sessions, tokens };
}

/**
 * The purge as the servers schedule it: each server calls this every interval, and only the
 * one that claims the interval in the database runs it (undefined for the others).
 */
export async function runScheduledPurge(db: Database, now: Date, schedule: { intervalMs: number; server: string }): Promise<PurgeReport | undefined> {
  if (!(await claimPeriodicRun(db, 'purge', { now, ...schedule }))) return undefined;
  return runPurge(db, now, { dryRun: false });
}
