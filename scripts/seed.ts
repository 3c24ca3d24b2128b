/**
 * `npm run seed`: puts the demo site, organizations and accounts into the
 * database (DATABASE_URL, or the embedded one in DATA_DIR), resetting them if
 * they are there. Stop a running server first when using the embedded database.
 */
import { openDatabase } from '../lib/db/client';
import { demoAdminEmail, demoAdminPassword } from '../lib/admin/demo';
import { demoSites, seedDemoData } from '../lib/db/seed';
import { dataDirectory, env } from '../lib/config/env';

if (env.SIGNPOST_ENV === 'production' && !process.argv.includes('--force')) {
  console.error('Refusing to seed demo accounts in production (add --force if you really mean it).');
  process.exit(1);
}

const opened = await openDatabase({ url: env.DATABASE_URL, dataDir: dataDirectory() });
try {
  const summary = await seedDemoData(opened.db);
  console.log(`Seeded ${summary.sites} sites and ${summary.users} accounts:`);
  for (const site of demoSites) {
    console.log(`  ${site.slug}: ${site.users.map((u) => u.email).join(', ')}`);
  }
  console.log(`Site administration: ${demoAdminEmail} / ${demoAdminPassword}`);
} finally {
  await opened.close();
}
