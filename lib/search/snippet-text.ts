/**
 * An article's body as lines of plain text for snippets. The catalog's text
 * keeps some Markdown and MDX a reader should never see quoted: table rows
 * (`| Status | What it means |`), their `| --- |` rules, list markers, emphasis
 * and code marks, code fences and component tags. Each table row becomes a line
 * of its cells.
 */

const tableRule = /^:?-{3,}:?$/;
const componentLine = /^<\/?[A-Z][\w.]*(\s[^>]*)?\/?>$/;

export function toSnippetLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || /^(`{3,}|~{3,})/.test(line) || componentLine.test(line)) continue;
    if (line.startsWith('|')) {
      // One line may hold a whole table: rows are separated by "| |".
      for (const row of line.split(/\|\s*\|/)) {
        const cells = row
          .split('|')
          .map((cell) => cleanInline(cell))
          .filter((cell) => cell && !tableRule.test(cell));
        if (cells.length > 0) lines.push(cells.join(' – '));
      }
      continue;
    }
    const cleaned = cleanInline(line.replace(/^(?:[-*+]|\d+[.)])\s+/, '').replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''));
    if (cleaned) lines.push(cleaned);
  }
  return lines;
}

function cleanInline(text: string): string {
  return text
    .replace(/<\/?[A-Za-z][\w.]*(\s[^<>]*)?\/?>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
