import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': path.resolve(import.meta.dirname) },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // `server-only` throws outside a React Server Component bundle; adapters are tested directly.
    alias: { 'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts') },
    testTimeout: 30_000,
    // A demo database per test file: PGlite's migrations plus a scrypt hash (N=2^17) of the demo
    // password took past the default 10 s on a busy two-core machine.
    hookTimeout: 60_000,
    // Services generate a secret and may open the embedded database: keep both out of the checkout.
    env: { DATA_DIR: path.join(tmpdir(), 'signpost-vitest'), SIGNPOST_ENV: 'development', SITE_URL: 'http://localhost:3000' },
  },
});
