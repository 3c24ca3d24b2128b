import GithubSlugger from 'github-slugger';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/**
 * Reads one MDX article source into what the catalog needs: its raw frontmatter,
 * headings (with the same anchors rehype-slug gives the rendered page), its body
 * as plain text, and the article IDs it links to. Pure: no file system.
 */

type Node = {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
};

export type ParsedSource = {
  frontmatter: unknown;
  headings: Array<{ depth: 2 | 3; text: string; anchor: string }>;
  /** Plain text, one block a line; `{{article:ID}}` marks an ArticleLink for the catalog to fill in. */
  text: string;
  linkedIds: string[];
};

export class SourceError extends Error {}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

const articleLinkPlaceholder = (id: string) => `{{article:${id}}}`;

function getAttribute(node: Node, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

function toInlineText(node: Node, linkedIds: string[]): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return ' ';
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'ArticleLink') {
    const id = getAttribute(node, 'id');
    if (!id) throw new SourceError('<ArticleLink> needs an id="…" attribute');
    linkedIds.push(id);
    return articleLinkPlaceholder(id);
  }
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  return (node.children ?? []).map((child) => toInlineText(child, linkedIds)).join('');
}

const blockTypes = new Set(['paragraph', 'heading', 'tableCell', 'code']);

function collectBlocks(node: Node, lines: string[], linkedIds: string[]): void {
  if (node.type === 'yaml' || node.type === 'mdxjsEsm') return;
  if (blockTypes.has(node.type)) {
    const line = toInlineText(node, linkedIds).replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    return;
  }
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
    const alt = getAttribute(node, 'alt');
    if (!alt?.trim()) throw new SourceError('<Figure> needs a non-empty alt="…" attribute');
  }
  if (node.type === 'mdxJsxFlowElement' && node.name === 'ArticleLink') {
    lines.push(toInlineText(node, linkedIds));
    return;
  }
  for (const child of node.children ?? []) collectBlocks(child, lines, linkedIds);
}

export function parseArticleSource(source: string): ParsedSource {
  let tree: Node;
  try {
    tree = processor.parse(source) as Node;
  } catch (error) {
    throw new SourceError(`not valid MDX: ${(error as Error).message}`);
  }

  const yamlNode = tree.children?.[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode) throw new SourceError('missing frontmatter (a --- block at the top of the file)');
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(yamlNode.value ?? '');
  } catch (error) {
    throw new SourceError(`frontmatter is not valid YAML: ${(error as Error).message}`);
  }

  const linkedIds: string[] = [];
  const slugger = new GithubSlugger();
  const headings: ParsedSource['headings'] = [];
  for (const node of tree.children ?? []) {
    if (node.type !== 'heading') continue;
    const text = toInlineText(node, []).trim();
    // Every heading takes an anchor (as rehype-slug does), so numbering of duplicates matches.
    const anchor = slugger.slug(text);
    if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text, anchor });
    if (node.depth === 1) throw new SourceError('use ## and ### for headings: the page title is the only level-1 heading');
  }

  const lines: string[] = [];
  collectBlocks(tree, lines, linkedIds);
  return { frontmatter, headings, text: lines.join('\n'), linkedIds: [...new Set(linkedIds)] };
}
