import { readFileSync } from 'node:fs';
import path from 'node:path';

let prerendered: ReadonlySet<string> | undefined;

/**
 * Whether Next serves this path from the build (a prerendered page), read once
 * from the build's prerender manifest. Those pages carry their own hash-based
 * Content-Security-Policy (scripts/csp-hashes.ts); every other page gets a nonce.
 * In development nothing is prerendered, so every page gets a nonce.
 */
export function isPrerendered(pathname: string): boolean {
  if (!prerendered) {
    try {
      const file = path.join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'prerender-manifest.json');
      prerendered = new Set(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { routes: Record<string, unknown> }).routes));
    } catch {
      prerendered = new Set();
    }
  }
  return prerendered.has(pathname);
}
