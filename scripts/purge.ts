/**
 * `npm run purge [-- --dry-run]`: the lifecycle purge, once. Deletes inactive
 * accounts past their retention (30 days; 7 after removal from the directory;
 * never while disabled in it), expired sign-in help records and sessions, and
 * prints what it did. With --dry-run it prints what it would delete and changes
 * nothing. Stop a running server first when using the embedded database.
 */
import { runPurge } from '../lib/admin/purge';
import { dataDirectory, env } from '../lib/config/env';
import { openDatabase } from '../lib/db/client';

const dryRun = process.argv.includes('--dry-run');
const opened = await openDatabase({ url: env.DATABASE_URL, dataDir: dataDirectory() });
try {
  const report = await runPurge(opened.db, new Date(), { dryRun });
  const verb = dryRun ? 'Would delete' : 'Deleted';
  console.log(`${verb} ${report.accounts.length} account(s) past their retention.`);
  for (const account of report.accounts) {
    console.log(`  site ${account.siteId}: account ${account.id} (${account.policy}, due ${account.deletesAt.toISOString()})`);
  }
  if (!dryRun) console.log(`Deleted ${report.diagnoses} expired sign-in help record(s) and ${report.sessions} expired session(s).`);
} finally {
  await opened.close();
}
