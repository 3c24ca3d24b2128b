import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { recordComment } from '@/lib/feedback/repository';
import { maxCommentLength } from '@/lib/feedback/constants';
import { cleanComment } from '@/lib/feedback/comment';
import { parseFeedbackParams, voterHash } from '@/lib/feedback/route-helpers';
import { wantsJson } from '@/lib/http/responses';
import { redirectWithFlash, seeOther } from '@/lib/http/flash-cookie';
import { handleFormPost } from '@/lib/http/post';
import { consume } from '@/lib/rate-limit/limiter';
import { log } from '@/lib/server/log';
import { notFoundResponse } from '@/lib/http/responses';

/** The optional comment after a vote. */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const target = parseFeedbackParams(await params);
  if (!target) return notFoundResponse();
  const { locale, articleId } = target;
  const pagePath = `/${locale}/feedback/${articleId}`;
  const json = wantsJson(request);

  return handleFormPost(
    request,
    () => (json ? NextResponse.json({ error: { code: 'invalid_request' } }, { status: 400 }) : seeOther(request, pagePath)),
    async ({ form, clientIp, now }) => {
      const raw = form.get('comment') ?? '';
      if ([...raw].length > maxCommentLength) {
        return json
          ? NextResponse.json({ error: { code: 'comment_too_long', max: maxCommentLength } }, { status: 400 })
          : redirectWithFlash(request, pagePath, { state: { values: { comment: raw.slice(0, maxCommentLength * 2) }, errors: { comment: 'too-long' } }, status: 400 });
      }
      const comment = cleanComment(raw);
      if (!comment || !(await consume('feedback', { clientIp })).ok) {
        return json ? NextResponse.json({ ok: false }, { status: comment ? 429 : 400 }) : seeOther(request, pagePath);
      }
      try {
        const voter = await voterHash();
        const saved = voter ? await recordComment(await getDb(), articleId, voter, comment, now) : false;
        if (!saved) return json ? NextResponse.json({ ok: false }, { status: 409 }) : seeOther(request, pagePath);
      } catch (error) {
        log.error('feedback.comment', error);
        return json ? NextResponse.json({ error: { code: 'unavailable' } }, { status: 503 }) : seeOther(request, pagePath);
      }
      return json
        ? NextResponse.json({ ok: true })
        : redirectWithFlash(request, pagePath, { state: { data: { commented: true } }, status: 200, consume: false });
    },
  );
}
