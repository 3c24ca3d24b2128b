import type { Segment } from '@/lib/search/highlight';

/** A result snippet with its matches marked. Each piece is a text node: nothing in it is HTML. */
export function Snippet({ segments, lang, dir }: { segments: Segment[]; lang?: string; dir?: 'ltr' | 'rtl' }) {
  return (
    <p className="mt-1 text-sm text-muted" lang={lang} dir={dir}>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-warn-wash px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
