import 'server-only';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { dataDirectory, env } from '@/lib/config/env';
import { log } from '@/lib/server/log';
import { makePrivateDirectory } from '@/lib/server/private-directory';
import { adoptSharedSecret, generateSecret, needsSharedSecret } from '@/lib/server/secret';
import { databaseLocks } from './locks';
import * as schema from './schema';
import { readOrCreateSharedSecret } from './shared-secret';

/**
 * The database: a Postgres server when DATABASE_URL is set, otherwise PGlite
 * (Postgres compiled to WebAssembly, in this process) in DATA_DIR, so a fresh
 * machine needs nothing installed. Either way the migrations in
 * lib/db/migrations are applied on open.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type OpenDatabase = { db: Database; close: () => Promise<void> };

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'db', 'migrations');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** DATA_DIR 0700 with nothing in it open to others (see makePrivateDirectory), said in the log when it had to change. */
function keepPrivate(directory: string): void {
  const tightened = makePrivateDirectory(directory);
  if (tightened > 0) log.warn('data_dir.permissions_tightened', { entries: tightened });
}

/** PGlite must never be opened by two processes at once: it would corrupt the data folder. */
function lockDataDirectory(directory: string): () => void {
  keepPrivate(directory);
  const lockFile = path.join(directory, 'pglite.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${directory} is in use by process ${holder} (a running Signpost server?). ` +
          'Stop it first, or point DATA_DIR somewhere else.',
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  const release = () => {
    try {
      if (Number(readFileSync(lockFile, 'utf8')) === process.pid) unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return release;
}

/**
 * Opens a database and brings its schema up to date. `dataDir: 'memory'` gives a
 * throw-away in-memory database (the tests).
 */
export async function openDatabase(options: { url?: string; dataDir?: string | 'memory' }): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: 3000,
      // A hung database must not hold a request: the server cancels a statement after 5 s, the
      // client gives up after 6 s whatever the server does, and keepalive notices a dead peer.
      statement_timeout: 5_000,
      query_timeout: 6_000,
      idle_in_transaction_session_timeout: 10_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', (error) => log.error('database.pool', error));
    const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
    // Several servers start together: one applies the migrations while the others wait here. On a
    // connection of its own, without the request timeouts above: a migration may take its time.
    const migrator = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 3000 });
    await migrator.connect();
    try {
      await migrator.query('select pg_advisory_lock($1)', [databaseLocks.migrations]);
      await migrateNodePostgres(drizzleNodePostgres(migrator, { schema }), { migrationsFolder });
    } finally {
      // Ending the session releases its advisory lock too.
      await migrator.end().catch(() => {});
    }
    return { db, close: () => pool.end() };
  }
  const memory = options.dataDir === 'memory';
  const directory = memory ? undefined : path.join(options.dataDir ?? dataDirectory(), 'pglite');
  const release = directory ? lockDataDirectory(path.dirname(directory)) : () => {};
  try {
    const client = new PGlite(directory);
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder });
    // PGlite has just created its files mode 666: close them to others now, not at the next start.
    if (directory) makePrivateDirectory(path.dirname(directory));
    return {
      db,
      close: async () => {
        await client.close();
        if (directory) makePrivateDirectory(path.dirname(directory));
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** After a failed open, wait this long before trying again (requests in between fail fast). */
const retryAfterMs = 5_000;

type Shared = { opening?: Promise<OpenDatabase>; failedAt?: number; closed?: boolean };
const shared = globalThis as typeof globalThis & { __signpostDatabase?: Shared };

/** The process's database, and with it (servers on one Postgres without SIGNPOST_SECRET) the site's shared secret. */
async function openShared(): Promise<OpenDatabase> {
  const opened = await openDatabase({ url: env.DATABASE_URL });
  if (!needsSharedSecret()) return opened;
  try {
    // A server that started while the database was down switches to the shared secret now.
    adoptSharedSecret(await readOrCreateSharedSecret(opened.db, generateSecret()));
    return opened;
  } catch (error) {
    await opened.close().catch(() => {});
    throw error;
  }
}

/**
 * The process's one database, shared by every bundle (pages, route handlers,
 * instrumentation) through globalThis. Rejects while the database is unreachable.
 */
export async function getDb(): Promise<Database> {
  const state = (shared.__signpostDatabase ??= {});
  if (state.closed) throw new Error('the server is stopping: its database is closed');
  if (state.failedAt !== undefined && Date.now() - state.failedAt < retryAfterMs && !state.opening) {
    throw new Error('the database was unreachable moments ago');
  }
  state.opening ??= openShared().catch((error: unknown) => {
    state.opening = undefined;
    state.failedAt = Date.now();
    throw error;
  });
  return (await state.opening).db;
}

/** At shutdown: closes the process's database (its pool, or the embedded database's files). */
export async function closeDb(): Promise<void> {
  const state = (shared.__signpostDatabase ??= {});
  state.closed = true;
  const opening = state.opening;
  state.opening = undefined;
  const opened = await opening?.catch(() => undefined);
  await opened?.close();
}
