import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory, env } from '@/lib/config/env';

type SecretSource = 'environment' | 'file' | 'database' | 'process';
const store = globalThis as typeof globalThis & { __signpostSecret?: { value: string; source: SecretSource } };

/** True when the secret must come from the shared database: every server has to use the same one. */
export function needsSharedSecret(): boolean {
  return !env.SIGNPOST_SECRET && env.DATABASE_URL !== undefined;
}

/** A fresh random secret (a candidate for the shared one, or the file's). */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Called once the shared secret has been read from the database (lib/db/client.ts: getDb). */
export function adoptSharedSecret(secret: string): void {
  store.__signpostSecret = { value: secret, source: 'database' };
}

function readOrCreateSecretFile(): string {
  const file = path.join(dataDirectory(), 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const secret = generateSecret();
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * The key behind signed and encrypted cookies and hashed rate-limit keys:
 * SIGNPOST_SECRET; else, on Postgres, the one secret stored in the database for
 * every server (read at start, see adoptSharedSecret); else (the embedded
 * database, one server) one generated into DATA_DIR on first use, so sessions
 * survive restarts on a developer's machine.
 *
 * On Postgres with the database unreachable since start, the server uses a secret
 * of its own until the database answers: cookies it signs meanwhile stop being
 * valid then, which beats refusing every page (they need the database anyway).
 */
export function getSecret(): string {
  const known = store.__signpostSecret;
  if (known) return known.value;
  if (env.SIGNPOST_SECRET) {
    store.__signpostSecret = { value: env.SIGNPOST_SECRET, source: 'environment' };
  } else if (needsSharedSecret()) {
    store.__signpostSecret = { value: generateSecret(), source: 'process' };
  } else {
    store.__signpostSecret = { value: readOrCreateSecretFile(), source: 'file' };
  }
  return store.__signpostSecret.value;
}

/** A keyed hash for identifiers that must be compared but never stored as such (emails in limiter keys). */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', getSecret()).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 32);
}
