'use client';

import { useEffect, useState } from 'react';

type Labels = { copy: string; copied: string; failed: string };

/**
 * Copies a reference code. Hidden until hydrated: without JavaScript it could not
 * work, and the code beside it is plain text to select and copy. Announced with
 * aria-live, not role="status": the result page has one status message of its own.
 */
export function CopyCodeButton({ code, labels }: { code: string; labels: Labels }) {
  const [isReady, setReady] = useState(false);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setReady(true), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <>
      <button type="button" hidden={!isReady} onClick={copy} className="no-print rounded border border-line px-2 py-0.5 text-sm hover:bg-wash">
        {labels.copy}
      </button>
      <span aria-live="polite" className="ms-2 text-sm text-ok">
        {status === 'copied' ? labels.copied : status === 'failed' ? labels.failed : ''}
      </span>
    </>
  );
}
