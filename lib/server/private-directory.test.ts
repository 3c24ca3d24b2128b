import { mkdtempSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/client';
import { makePrivateDirectory } from './private-directory';

function everyEntry(directory: string): string[] {
  return [directory, ...readdirSync(directory, { recursive: true }).map((entry) => path.join(directory, String(entry)))];
}

function openToOthers(directory: string): string[] {
  return everyEntry(directory).filter((entry) => (statSync(entry).mode & 0o077) !== 0);
}

describe('the data directory', () => {
  it('is the service’s alone once the embedded database has opened and written in it', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'signpost-perm-')), 'data');
    const { db, close } = await openDatabase({ dataDir });
    await db.execute(sql`select 1`);
    await close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
  }, 120_000); // a fresh database on disk: its first open takes long on a busy machine

  it('tightens an existing folder left world-readable by an earlier version, and counts what it changed', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'signpost-perm-'));
    mkdirSync(path.join(dataDir, 'pglite', 'pg_wal'), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dataDir, 'pglite', 'pg_wal', '000000010000000000000001'), 'wal', { mode: 0o666 });
    writeFileSync(path.join(dataDir, 'secret'), 'x', { mode: 0o644 });
    expect(openToOthers(dataDir).length).toBeGreaterThan(0);
    expect(makePrivateDirectory(dataDir)).toBeGreaterThanOrEqual(4);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(makePrivateDirectory(dataDir)).toBe(0);
  });
});
