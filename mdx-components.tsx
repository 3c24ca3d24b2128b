import type { MDXComponents } from 'mdx/types';
import { ArticleLink, Callout, Figure, PortalLink, Steps, Table, UiPath } from '@/components/article/mdx';

const components: MDXComponents = {
  ArticleLink,
  PortalLink,
  Callout,
  Steps,
  UiPath,
  Figure,
  table: Table,
};

export function useMDXComponents(): MDXComponents {
  return components;
}
