import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * Password hashing with scrypt, a memory-hard function built into Node: N=2^17,
 * r=8, p=1 (128 MiB per hash), the OWASP recommendation. Stored as
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can rise later without
 * breaking stored hashes.
 */
const cost = { N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;

/**
 * At most this many hashes at once: each takes 128 MiB and a core for a moment,
 * so a burst of sign-ins (or an attack spread over many addresses, which the
 * rate limits do not see as one) queues instead of exhausting the server's memory.
 */
const maxConcurrentHashes = Math.max(1, Math.min(4, availableParallelism()));
/**
 * ...and at most this many waiting: past it a burst is refused at once (PasswordHashingBusy, which
 * callers answer with the localized "unavailable" notice) instead of making every administrator's
 * sign-in wait behind it. Eight waiting per slot is a few seconds at most.
 */
export const maxWaitingHashes = 8 * maxConcurrentHashes;
let running = 0;
const waiting: Array<() => void> = [];

/** Thrown when the hashing queue is full: the server is busy, try again in a moment. */
export class PasswordHashingBusy extends Error {
  constructor() {
    super('password hashing is at capacity');
    this.name = 'PasswordHashingBusy';
  }
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentHashes) {
    if (waiting.length >= maxWaitingHashes) throw new PasswordHashingBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A stored hash for accounts without a password, so checking an unknown account costs the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoy = undefined; // a busy moment must not leave a failed decoy behind for good
    throw error;
  });
  return decoy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
