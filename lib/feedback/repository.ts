import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
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

export type FeedbackTotals = { articleId: string; locale: string; helpful: number; notHelpful: number; comments: number };

/** Votes per article and locale, counting those cast or changed since `since`. */
export async function feedbackTotals(db: Database, since: Date = new Date(0)): Promise<FeedbackTotals[]> {
  return db
    .select({
      articleId: articleFeedback.articleId,
      locale: articleFeedback.locale,
      helpful: sql<number>`count(*) filter (where ${articleFeedback.helpful})::int`,
      notHelpful: sql<number>`count(*) filter (where not ${articleFeedback.helpful})::int`,
      comments: sql<number>`count(${articleFeedback.comment})::int`,
    })
    .from(articleFeedback)
    .where(gte(articleFeedback.updatedAt, since))
    .groupBy(articleFeedback.articleId, articleFeedback.locale)
    .orderBy(articleFeedback.articleId, articleFeedback.locale);
}
