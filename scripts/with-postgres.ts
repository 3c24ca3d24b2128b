/**
 * Runs a command with TEST_POSTGRES_URL pointing at a throw-away Postgres cluster of Debian's
 * package (lib/testing/postgres.ts), and stops the cluster after it, whatever the command did.
 * `npm test` runs the database suites a second time this way: the same tests on both engines.
 *
 *   tsx scripts/with-postgres.ts -- npx vitest run lib/admin
 */
import { spawnSync } from 'node:child_process';
import { startPostgres } from '@/lib/testing/postgres';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (!command) throw new Error('usage: tsx scripts/with-postgres.ts -- <command> [args]');

const postgres = await startPostgres();
let status = 1;
try {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TEST_POSTGRES_URL: postgres.url } });
  status = result.status ?? 1;
} finally {
  postgres.stop();
}
process.exit(status);
