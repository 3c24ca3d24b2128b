'use client';

import { useState, type FormEvent } from 'react';

type Labels = {
  question: string;
  yes: string;
  no: string;
  thanks: string;
  commentLabel: string;
  commentHint: string;
  send: string;
  commentThanks: string;
};

/**
 * "Was this article helpful?" Plain forms that work without JavaScript (they
 * lead to a thank-you page); with it, they are sent in the background and the
 * answer appears in place. Voting again changes the vote.
 */
export function FeedbackWidget({ voteUrl, commentUrl, maxLength, labels }: { voteUrl: string; commentUrl: string; maxLength: number; labels: Labels }) {
  const [stage, setStage] = useState<'ask' | 'voted' | 'commented'>('ask');

  async function send(event: FormEvent<HTMLFormElement>, url: string, fields: Record<string, string>, next: 'voted' | 'commented') {
    event.preventDefault();
    // Kept before the first await: React clears currentTarget once the handler returns.
    const form = event.currentTarget;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
      // Anything but success (a rate limit, a fault) is left to the plain form post and its page.
      if (response.ok) setStage(next);
      else form.submit();
    } catch {
      // Offline or blocked: fall back to the plain form post.
      form.submit();
    }
  }

  return (
    <section aria-labelledby="feedback-question" className="no-print mt-12 rounded border border-line bg-wash px-5 py-4">
      <h2 id="feedback-question" className="text-lg font-semibold">
        {labels.question}
      </h2>
      <form
        method="post"
        action={voteUrl}
        className="mt-2 flex gap-3"
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          void send(event, voteUrl, { helpful: submitter?.value ?? 'yes' }, 'voted');
        }}
      >
        <button type="submit" name="helpful" value="yes" className="rounded border border-line bg-paper px-4 py-2 hover:bg-brand-wash">
          {labels.yes}
        </button>
        <button type="submit" name="helpful" value="no" className="rounded border border-line bg-paper px-4 py-2 hover:bg-brand-wash">
          {labels.no}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {stage !== 'ask' && <p className="mt-3 font-semibold">{stage === 'commented' ? labels.commentThanks : labels.thanks}</p>}
      </div>
      {stage === 'voted' && (
        <form
          method="post"
          action={commentUrl}
          className="mt-3"
          onSubmit={(event) => {
            const comment = new FormData(event.currentTarget).get('comment');
            void send(event, commentUrl, { comment: typeof comment === 'string' ? comment : '' }, 'commented');
          }}
        >
          <label htmlFor="feedback-comment" className="block font-semibold">
            {labels.commentLabel}
          </label>
          <p id="feedback-comment-hint" className="text-sm text-muted">
            {labels.commentHint}
          </p>
          <textarea
            id="feedback-comment"
            name="comment"
            rows={3}
            maxLength={maxLength}
            aria-describedby="feedback-comment-hint"
            className="mt-1 block w-full rounded border border-line bg-paper px-3 py-2"
          />
          <button type="submit" className="btn-primary mt-2">
            {labels.send}
          </button>
        </form>
      )}
    </section>
  );
}
