import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory, env } from '@/lib/config/env';

const store = globalThis as typeof globalThis & { __signpostSecret?: string };

/**
 * The key behind signed and encrypted cookies and hashed rate-limit keys:
 * SIGNPOST_SECRET, or (outside production) one generated into DATA_DIR on first
 * use, so sessions survive restarts on a developer's machine.
 */
export function getSecret(): string {
  if (store.__signpostSecret) return store.__signpostSecret;
  let secret = env.SIGNPOST_SECRET;
  if (!secret) {
    const file = path.join(dataDirectory(), 'secret');
    try {
      secret = readFileSync(file, 'utf8').trim();
    } catch {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      secret = randomBytes(32).toString('base64url');
      writeFileSync(file, secret, { mode: 0o600 });
    }
  }
  store.__signpostSecret = secret;
  return secret;
}

/** A keyed hash for identifiers that must be compared but never stored as such (emails in limiter keys). */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', getSecret()).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 32);
}
