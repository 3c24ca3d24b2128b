import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { recordVote } from '@/lib/feedback/repository';
import { parseFeedbackParams, voterHash } from '@/lib/feedback/route-helpers';
import { wantsJson } from '@/lib/http/responses';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { consume } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { notFoundResponse } from '@/lib/http/responses';

/** "Was this article helpful?": yes or no, from the article page (script) or its plain form. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const target = parseFeedbackParams(await params);
  if (!target) return notFoundResponse();
  const { locale, articleId } = target;
  const pagePath = `/${locale}/feedback/${articleId}`;
  const json = wantsJson(request);
  const fail = (status: number, code: string) =>
    json ? NextResponse.json({ error: { code } }, { status }) : seeOther(request, pagePath);

  return handleFormPost(
    request,
    () => fail(400, 'invalid_request'),
    async ({ form, clientIp, now }) => {
      const answer = form.get('helpful');
      if (answer !== 'yes' && answer !== 'no') return fail(400, 'invalid_request');
      if (!(await consume('feedback', { clientIp })).ok) return fail(429, 'rate_limited');
      const response = json
        ? NextResponse.json({ ok: true })
        : redirectWithFlash(request, pagePath, { state: { data: { voted: answer } }, status: 200, consume: false });
      try {
        const voter = (await voterHash(response))!;
        await recordVote(await getDb(), { articleId, locale, voterHash: voter, helpful: answer === 'yes' }, now);
      } catch (error) {
        log.error('feedback.vote', error);
        return fail(503, 'unavailable');
      }
      return response;
    },
  );
}
