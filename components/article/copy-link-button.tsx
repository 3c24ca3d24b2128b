'use client';

import { useEffect, useState } from 'react';

type Labels = { copy: string; copied: string; failed: string };

/**
 * Copies the article's permanent link. Hidden until hydrated: without
 * JavaScript it could not work, and the ID beside it is still there to quote.
 */
export function CopyLinkButton({ url, labels, accessibleName }: { url: string; labels: Labels; accessibleName?: string }) {
  const [isReady, setReady] = useState(false);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setReady(true), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        hidden={!isReady}
        onClick={copy}
        aria-label={accessibleName}
        className="no-print rounded border border-line px-2 py-0.5 text-sm hover:bg-wash"
      >
        {labels.copy}
      </button>
      <span role="status" className="text-sm text-ok">
        {status === 'copied' ? labels.copied : status === 'failed' ? labels.failed : ''}
      </span>
    </>
  );
}
