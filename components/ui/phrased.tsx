import { Fragment, type ReactNode } from 'react';
import { splitPhrases } from '@/lib/text/phrases';

/**
 * Text with a line-break opportunity (<wbr>) between Japanese phrases only, for
 * headings: with `word-break: keep-all` (globals.css) a heading then never breaks
 * inside a word, in browsers without `word-break: auto-phrase`. Other text is unchanged.
 */
export function Phrased({ text }: { text: string }) {
  const phrases = splitPhrases(text);
  if (phrases.length === 1) return text;
  return phrases.map((phrase, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {phrase}
    </Fragment>
  ));
}

/** MDX heading children: plain text gets phrase breaks; anything else (code, links) stays as written. */
export function phrasedChildren(children: ReactNode): ReactNode {
  return typeof children === 'string' ? <Phrased text={children} /> : children;
}
