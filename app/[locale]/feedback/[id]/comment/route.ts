import { NextResponse } from 'next/server';
import { cleanComment } from '@/lib/feedback/comment';
import { maxCommentLength } from '@/lib/feedback/constants';
import { commentFields, feedbackFlash, feedbackParams } from '@/lib/feedback/forms';
import { addComment } from '@/lib/feedback/service';
import { voterHash } from '@/lib/feedback/voter';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { wantsJson } from '@/lib/http/responses';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/** The optional comment after a vote. */
export const POST = formRoute({
  params: feedbackParams,
  fields: commentFields,
  onBadRequest: (request, { locale, id }) =>
    wantsJson(request) ? NextResponse.json({ error: { code: 'invalid_request' } }, { status: 400 }) : seeOther(request, paths.feedback.page(locale, id)),
  async handle({ request, params: { locale, id }, fields: { comment: raw }, clientIp, now }) {
    const pagePath = paths.feedback.page(locale, id);
    const json = wantsJson(request);
    if ([...raw].length > maxCommentLength) {
      return json
        ? NextResponse.json({ error: { code: 'comment_too_long', max: maxCommentLength } }, { status: 400 })
        : redirectWithFormFlash(feedbackFlash, request, pagePath, {
            state: { values: { comment: raw.slice(0, maxCommentLength * 2) }, errors: { comment: 'too-long' } },
            status: 400,
          });
    }
    const comment = cleanComment(raw);
    if (!comment) return json ? NextResponse.json({ ok: false }, { status: 400 }) : seeOther(request, pagePath);
    const result = await withDatabase('feedback.comment', (db) => addComment(db, { articleId: id, voterHash: () => voterHash(), comment, clientIp, now }));
    switch (result.kind) {
      case 'recorded':
        return json
          ? NextResponse.json({ ok: true })
          : redirectWithFormFlash(feedbackFlash, request, pagePath, { state: { data: { commented: true } }, status: 200, consume: false });
      case 'rate-limited':
        return json ? NextResponse.json({ ok: false }, { status: 429 }) : seeOther(request, pagePath);
      case 'no-vote':
        return json ? NextResponse.json({ ok: false }, { status: 409 }) : seeOther(request, pagePath);
      case 'unavailable':
        return json ? NextResponse.json({ error: { code: 'unavailable' } }, { status: 503 }) : seeOther(request, pagePath);
    }
  },
});
