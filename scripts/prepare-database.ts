/**
 * Prepares an embedded database for a test or benchmark server before it starts: the demo
 * data, then the SQL statements given as arguments. Run with
 * `tsx --conditions=react-server scripts/prepare-database.ts <statement>...`
 * and DATA_DIR set; the server opens the same folder afterwards.
 */
import { sql } from 'drizzle-orm';
import { dataDirectory } from '../lib/config/env';
import { openDatabase } from '../lib/db/client';
import { seedDemoData } from '../lib/db/seed';

const opened = await openDatabase({ dataDir: dataDirectory() });
try {
  await seedDemoData(opened.db);
  for (const statement of process.argv.slice(2)) await opened.db.execute(sql.raw(statement));
} finally {
  await opened.close();
}
