import { describe, expect, it } from 'vitest';
import { hashPassword, maxWaitingHashes, PasswordHashingBusy, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const stored = await hashPassword('Correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });

  it('hashes many passwords at once correctly, a few at a time', async () => {
    const passwords = Array.from({ length: 6 }, (_, i) => `parallel password ${i}`);
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const checks = await Promise.all(hashes.map((hash, i) => verifyPassword(passwords[i]!, hash)));
    expect(checks).toEqual(passwords.map(() => true));
    expect(await verifyPassword(passwords[0]!, hashes[1]!)).toBe(false);
  });

  it('refuses a burst past the queue at once instead of queueing it without end', async () => {
    const stored = await hashPassword('the right one');
    const burst = await Promise.allSettled(Array.from({ length: maxWaitingHashes + 12 }, (_, i) => verifyPassword(`guess ${i}`, stored)));
    const refused = burst.filter((result) => result.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((result) => result.status === 'rejected' && result.reason instanceof PasswordHashingBusy)).toBe(true);
    expect(burst.filter((result) => result.status === 'fulfilled').every((result) => result.status === 'fulfilled' && result.value === false)).toBe(true);
    // The queue drains: the next check runs normally.
    expect(await verifyPassword('the right one', stored)).toBe(true);
  });
});
