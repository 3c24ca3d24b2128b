import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Signpost reads from the environment, parsed once. A bad value
 * stops the process at start with a message naming the variable.
 */

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const schema = z
  .object({
    /** production: Secure cookies, HSTS, no development mailbox, SMTP and a secret required. */
    SIGNPOST_ENV: z.enum(['development', 'demo', 'production']).optional(),
    SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    /** A Postgres server; without it, the embedded database in DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    /**
     * Signs and encrypts cookies; at least 32 characters. Without it: on Postgres, one generated
     * and stored in the database for every server; on the embedded database, one generated into DATA_DIR.
     */
    SIGNPOST_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** smtp:// or smtps:// URL of the mail relay; without it, email stays in the database outbox. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('Signpost <no-reply@signpost.example>'),
    /** Rate-limit counters in Redis, shared by every server; without it, in memory. */
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /** Trust X-Forwarded-For from this many proxies in front of Signpost (0: use the connection's address). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** Seed the demo site and accounts into an empty database at start. */
    SEED_DEMO: flag.optional(),
    /** Minutes between lifecycle purges while the server runs: 0 (off) or 60 to 1440 (at most hourly). */
    PURGE_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .max(24 * 60)
      .refine((minutes) => minutes === 0 || minutes >= 60, 'must be 0 (off) or at least 60: the purge runs at most hourly')
      .default(60),
    /** Where the serialized search indexes are (one <locale>.json each); the benchmarks point it at bigger corpora. */
    SEARCH_INDEX_DIR: z.string().min(1).optional(),
  })
  .transform((value) => {
    const mode = value.SIGNPOST_ENV ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development');
    return { ...value, SIGNPOST_ENV: mode, SEED_DEMO: value.SEED_DEMO ?? mode !== 'production' };
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable is an unset one (a common way to switch something off in a .env file).
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(defined);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${details}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/**
 * What a production server cannot run without. Checked when the server starts
 * (instrumentation.ts), not when a module loads, so `next build` needs none of it.
 */
export function productionProblems(value: Env): string[] {
  if (value.SIGNPOST_ENV !== 'production') return [];
  const problems: string[] = [];
  // On Postgres the servers share a secret stored in the database (lib/db/shared-secret.ts); the
  // embedded database's file is for one developer's machine, not a production site.
  if (!value.SIGNPOST_SECRET && !value.DATABASE_URL) {
    problems.push('SIGNPOST_SECRET: is required in production without DATABASE_URL (32+ random characters)');
  }
  if (!value.SMTP_URL) problems.push('SMTP_URL: is required in production: email must be delivered');
  return problems;
}

export const isProduction = env.SIGNPOST_ENV === 'production';

export function absoluteUrl(pathname: string): string {
  return new URL(pathname, env.SITE_URL).toString();
}

export function dataDirectory(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR);
}
