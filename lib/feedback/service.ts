import 'server-only';
import type { Database } from '@/lib/db/client';
import { consume } from '@/lib/rate-limit/limiter';
import { recordComment, recordVote } from './repository';

/**
 * "Was this article helpful?" and its optional comment: each limited per
 * client (one shared limit), then stored against this browser's voter key.
 */

type RateLimited = { kind: 'rate-limited' };

export async function castVote(
  db: Database,
  input: { articleId: string; locale: string; voterHash: string; helpful: boolean; clientIp: string; now: Date },
): Promise<{ kind: 'recorded' } | RateLimited> {
  if (!(await consume('feedback', { clientIp: input.clientIp })).ok) return { kind: 'rate-limited' };
  await recordVote(db, { articleId: input.articleId, locale: input.locale, voterHash: input.voterHash, helpful: input.helpful }, input.now);
  return { kind: 'recorded' };
}

/** A comment is added to this browser's vote on the article: without a vote there is nothing to add it to. */
export async function addComment(
  db: Database,
  input: { articleId: string; voterHash: () => Promise<string | undefined>; comment: string; clientIp: string; now: Date },
): Promise<{ kind: 'recorded' } | { kind: 'no-vote' } | RateLimited> {
  if (!(await consume('feedback', { clientIp: input.clientIp })).ok) return { kind: 'rate-limited' };
  const voter = await input.voterHash();
  const saved = voter ? await recordComment(db, input.articleId, voter, input.comment, input.now) : false;
  return saved ? { kind: 'recorded' } : { kind: 'no-vote' };
}
