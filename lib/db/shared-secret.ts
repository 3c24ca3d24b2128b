import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { sharedSettings } from './schema';

const secretName = 'signpost-secret';

/**
 * The site's secret for servers that share a Postgres database and were given no
 * SIGNPOST_SECRET: the first server to get here stores its `candidate`, and every
 * server (that one included) reads back the one that was stored. Insert-or-nothing,
 * then read: two servers starting together cannot end up with two secrets.
 */
export async function readOrCreateSharedSecret(db: Database, candidate: string): Promise<string> {
  await db.insert(sharedSettings).values({ name: secretName, value: candidate }).onConflictDoNothing();
  const [row] = await db.select({ value: sharedSettings.value }).from(sharedSettings).where(eq(sharedSettings.name, secretName));
  if (!row) throw new Error('the shared secret could not be stored');
  return row.value;
}
