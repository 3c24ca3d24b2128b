import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIR holds the embedded database (its write-ahead log carries password-reset
 * links, password hashes and email addresses) and the generated secret: it is the
 * service's alone. PGlite creates its files mode 666 whatever the umask, so the
 * folder is made 0700 (nobody else can even list it) and nothing in it is open to group or others.
 * Returns how many entries were tightened, so the caller can say so in the log.
 */
export function makePrivateDirectory(directory: string): number {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  let tightened = 0;
  const walk = (entry: string) => {
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      // Group and others lose every bit; the owner keeps what it had (a folder stays searchable).
      chmodSync(entry, stat.isDirectory() ? 0o700 : stat.mode & 0o700);
      tightened++;
    }
    if (stat.isDirectory()) for (const child of readdirSync(entry)) walk(path.join(entry, child));
  };
  walk(directory);
  return tightened;
}
