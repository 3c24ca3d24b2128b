import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { fallbackViews } from '@/lib/db/schema';
import { log } from '@/lib/server/log';
import { restoreFallbackViews, takeFallbackViews } from './fallback-views';

/** Adds the counted fallback views to the database (once a minute, and before the support report reads them). */
export async function flushFallbackViews(db: Database): Promise<void> {
  const rows = takeFallbackViews();
  if (rows.length === 0) return;
  try {
    for (const row of rows) {
      await db
        .insert(fallbackViews)
        .values(row)
        .onConflictDoUpdate({
          target: [fallbackViews.day, fallbackViews.locale, fallbackViews.articleId],
          set: { count: sql`${fallbackViews.count} + ${row.count}` },
        });
    }
  } catch (error) {
    restoreFallbackViews(rows);
    log.error('fallback-views.flush', error);
  }
}
