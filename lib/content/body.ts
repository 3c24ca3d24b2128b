import 'server-only';
import type { MDXContent } from 'mdx/types';
import { mdxLoaders } from './generated/mdx-loaders';
import type { ArticleEntry } from './types';

/** The compiled MDX body of one article file. */
export async function loadArticleBody(entry: ArticleEntry): Promise<MDXContent> {
  const load = mdxLoaders[`${entry.id}/${entry.locale}`];
  if (!load) throw new Error(`No compiled body for ${entry.id}/${entry.locale}: run the content build`);
  return (await load()).default;
}
