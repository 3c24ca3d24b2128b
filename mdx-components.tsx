import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { ArticleLink, Callout, Figure, PortalLink, Steps, Table, UiPath } from '@/components/article/mdx';
import { phrasedChildren } from '@/components/ui/phrased';

const components: MDXComponents = {
  ArticleLink,
  PortalLink,
  Callout,
  Steps,
  UiPath,
  Figure,
  table: Table,
  // Japanese headings break between phrases only (see components/ui/phrased.tsx).
  h2: ({ children, ...props }: ComponentProps<'h2'>) => <h2 {...props}>{phrasedChildren(children)}</h2>,
  h3: ({ children, ...props }: ComponentProps<'h3'>) => <h3 {...props}>{phrasedChildren(children)}</h3>,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
