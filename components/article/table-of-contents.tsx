import { Phrased } from '@/components/ui/phrased';
import type { Heading } from '@/lib/content';

export function TableOfContents({
  headings,
  label,
  lang,
  dir,
}: {
  headings: Heading[];
  label: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}) {
  return (
    <nav aria-label={label} className="article-toc no-print text-sm">
      <p className="font-semibold">{label}</p>
      <ol className="mt-2 space-y-1 border-s border-line" lang={lang} dir={dir}>
        {headings.map((heading) => (
          <li key={heading.anchor} className={heading.depth === 3 ? 'ps-6' : 'ps-3'}>
            <a href={`#${heading.anchor}`} className="text-muted no-underline hover:text-brand hover:underline">
              <Phrased text={heading.text} />
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
