import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { articleFeedback } from '@/lib/db/schema';

/** One vote per browser per article: voting again changes it. */
export async function recordVote(
  db: Database,
  vote: { articleId: string; locale: string; voterHash: string; helpful: boolean },
  now: Date,
): Promise<void> {
  await db
    .insert(articleFeedback)
    .values({ ...vote, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [articleFeedback.articleId, articleFeedback.voterHash],
      set: { helpful: vote.helpful, locale: vote.locale, updatedAt: now },
    });
}

/** Adds a comment to this browser's vote on the article; false when there is no vote to add it to. */
export async function recordComment(db: Database, articleId: string, voterHash: string, comment: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(articleFeedback)
    .set({ comment, updatedAt: now })
    .where(and(eq(articleFeedback.articleId, articleId), eq(articleFeedback.voterHash, voterHash)))
    .returning({ id: articleFeedback.id });
  return updated.length > 0;
}

