import { z } from 'zod';

/**
 * Every setting Signpost reads from the environment, parsed once. A bad value
 * stops the process at start with a message naming the variable.
 */
const schema = z.object({
  SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Where the serialized search indexes are (one <locale>.json each); the benchmarks point it at bigger corpora. */
  SEARCH_INDEX_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${details}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export function absoluteUrl(path: string): string {
  return new URL(path, env.SITE_URL).toString();
}
