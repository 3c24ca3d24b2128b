import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --name <change>` writes a new versioned migration from lib/db/schema.ts;
// the app applies pending migrations itself when it starts (lib/db/client.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
});
