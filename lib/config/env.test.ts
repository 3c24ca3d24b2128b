import { describe, expect, it } from 'vitest';
import { parseEnv, productionProblems } from './env';

describe('parseEnv', () => {
  it('has working defaults for a fresh machine', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ SITE_URL: 'http://localhost:3000', DATA_DIR: '.data', TRUST_PROXY_HOPS: 0, PURGE_INTERVAL_MINUTES: 60 });
    expect(env.SEED_DEMO).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ SITE_URL: 'not a url' })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: '9' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseEnv({ SIGNPOST_SECRET: 'short' })).toThrow(/SIGNPOST_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('requires a secret and a mail relay to start in production, and seeds nothing there', () => {
    expect(productionProblems(parseEnv({ SIGNPOST_ENV: 'production' }))).toEqual([
      expect.stringContaining('SIGNPOST_SECRET'),
      expect.stringContaining('SMTP_URL'),
    ]);
    const env = parseEnv({ SIGNPOST_ENV: 'production', SIGNPOST_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(productionProblems(env)).toEqual([]);
    expect(env.SEED_DEMO).toBe(false);
    expect(productionProblems(parseEnv({ SIGNPOST_ENV: 'demo' }))).toEqual([]);
    // On Postgres every server reads the one secret stored in the database.
    expect(productionProblems(parseEnv({ SIGNPOST_ENV: 'production', DATABASE_URL: 'postgres://db/signpost', SMTP_URL: 'smtp://127.0.0.1:2525' }))).toEqual([]);
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', REDIS_URL: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });
});
