import { NextResponse } from 'next/server';
import { feedbackFlash, feedbackParams, voteFields } from '@/lib/feedback/forms';
import { castVote } from '@/lib/feedback/service';
import { voterHash } from '@/lib/feedback/voter';
import { seeOther } from '@/lib/http/flash-cookie';
import { formRoute, redirectWithFormFlash } from '@/lib/http/form-route';
import { wantsJson } from '@/lib/http/responses';
import { paths } from '@/lib/paths';
import { withDatabase } from '@/lib/server/database';

/** A failed vote: JSON for the article page's script, back to the plain form otherwise. */
function fail(request: Request, pagePath: string, status: number, code: string) {
  return wantsJson(request) ? NextResponse.json({ error: { code } }, { status }) : seeOther(request, pagePath);
}

/** "Was this article helpful?": yes or no, from the article page (script) or its plain form. */
export const POST = formRoute({
  params: feedbackParams,
  fields: voteFields,
  onBadRequest: (request, { locale, id }) => fail(request, paths.feedback.page(locale, id), 400, 'invalid_request'),
  async handle({ request, params: { locale, id }, fields: { helpful }, clientIp, now }) {
    const pagePath = paths.feedback.page(locale, id);
    const response = wantsJson(request)
      ? NextResponse.json({ ok: true })
      : redirectWithFormFlash(feedbackFlash, request, pagePath, { state: { data: { voted: helpful } }, status: 200, consume: false });
    const result = await withDatabase('feedback.vote', async (db) =>
      castVote(db, { articleId: id, locale, voterHash: (await voterHash(response, { ip: clientIp, now }))!, helpful: helpful === 'yes', clientIp, now }),
    );
    if (result.kind === 'rate-limited') return fail(request, pagePath, 429, 'rate_limited');
    if (result.kind === 'unavailable') return fail(request, pagePath, 503, 'unavailable');
    return response;
  },
});
