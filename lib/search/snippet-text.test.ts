import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/content/build/catalog';
import { readArticleSources } from '@/lib/content/build/read-sources';
import { locales } from '@/lib/i18n/locales';
import { buildSearchDocuments } from './documents';
import { SearchEngine } from './engine';
import { readSearchConfig } from './read-config';
import { toSnippetLines } from './snippet-text';

const { catalog } = buildCatalog(readArticleSources());
/** What markup looks like in a snippet: table pipes and rules, list markers, tags, code fences, emphasis marks. */
const markup = /\||^\s*(?:[-*+]|\d+\.)\s|<\/?[A-Za-z]|```|~~~|\*\*|__|^#+\s/m;

describe('toSnippetLines', () => {
  it('turns a table into lines of cells', () => {
    expect(toSnippetLines('| Status | What it means | | --- | --- | | Active | Signed in once. |')).toEqual([
      'Status – What it means',
      'Active – Signed in once.',
    ]);
  });

  it('drops list markers, emphasis, code marks, fences and component tags', () => {
    expect(
      toSnippetLines('- **Removed** from `AD`\n1. Open *Users*\n```\ncode\n```\n<Callout type="note">\nKept.\n</Callout>\n## Heading'),
    ).toEqual(['Removed from AD', 'Open Users', 'code', 'Kept.', 'Heading']);
  });
});

describe.each(locales)('snippets in %s', (locale) => {
  const engine = SearchEngine.build(buildSearchDocuments(catalog, locale), readSearchConfig(locale));

  it('every article body is text without markup', () => {
    for (const id of catalog.ids) {
      const entry = catalog.entries[id]![locale] ?? catalog.entries[id]!.en!;
      for (const line of toSnippetLines(entry.text)) expect(line, `${id}/${locale}`).not.toMatch(markup);
    }
  });

  it.each(['status', 'Status', 'Active', 'inactive', 'Aktiv', 'Neaktivní', 'Inactif', 'アクティブ', 'نشط', 'Unverified'])(
    'a search for "%s" quotes no markup',
    (query) => {
      for (const hit of engine.search(query, 10)) {
        expect(hit.snippet.map((segment) => segment.text).join(''), `${hit.id}`).not.toMatch(markup);
      }
    },
  );
});
