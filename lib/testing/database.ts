import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '@/lib/db/client';
import { seedDemoData } from '@/lib/db/seed';

/**
 * A fresh database with the demo data, so services run against real Postgres semantics. Tests
 * hand its `db` to the services and repositories they test; nothing is installed where the server
 * looks for its database.
 *
 * By default an in-memory embedded database. With TEST_POSTGRES_URL (a Postgres server the test
 * run started: `npm test` runs these suites a second time that way, scripts/with-postgres.ts), a
 * new database of its own on that server, dropped when closed: the same suites on both engines.
 */
export async function useDemoDatabase(now: Date = new Date()): Promise<OpenDatabase> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    const opened = await openDatabase({ dataDir: 'memory' });
    await seedDemoData(opened.db, now);
    return opened;
  }
  const name = `signpost_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString() });
  await seedDemoData(opened.db, now);
  return {
    db: opened.db,
    close: async () => {
      await opened.close();
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** An opener that fails as if the database were unreachable, for `withDatabase(event, work, open)`. */
export const unreachableDatabase = () => Promise.reject(new Error('connection refused (test)'));
