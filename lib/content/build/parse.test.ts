import { describe, expect, it } from 'vitest';
import { parseArticleSource, SourceError } from './parse';

const front = `---\nid: abc123\ntitle: T\n---\n`;

describe('parseArticleSource', () => {
  it('reads frontmatter, headings with rehype-slug anchors, text and linked IDs', () => {
    const parsed = parseArticleSource(
      `${front}\nIntro with <ArticleLink id="WBX15" /> inside.\n\n## Why you see it\n\nBody *text*.\n\n### Häufige Fälle\n\n## Why you see it\n\n- a\n- b <UiPath>Support > Contact Us</UiPath>\n`,
    );
    expect(parsed.frontmatter).toEqual({ id: 'abc123', title: 'T' });
    expect(parsed.headings).toEqual([
      { depth: 2, text: 'Why you see it', anchor: 'why-you-see-it' },
      { depth: 3, text: 'Häufige Fälle', anchor: 'häufige-fälle' },
      { depth: 2, text: 'Why you see it', anchor: 'why-you-see-it-1' },
    ]);
    expect(parsed.linkedIds).toEqual(['WBX15']);
    expect(parsed.text).toContain('Intro with {{article:WBX15}} inside.');
    expect(parsed.text).toContain('b Support > Contact Us');
    expect(parsed.text).not.toContain('abc123');
  });

  it('collects links inside callouts and steps', () => {
    const parsed = parseArticleSource(
      `${front}\n<Callout type="note">\nSee <ArticleLink id="ktod8p" />.\n</Callout>\n\n<Steps>\n1. Go <ArticleLink id="nikzbgy" />\n</Steps>\n`,
    );
    expect(parsed.linkedIds).toEqual(['ktod8p', 'nikzbgy']);
  });

  it.each([
    ['no frontmatter', 'Just text', /missing frontmatter/],
    ['broken YAML', '---\nid: [unclosed\n---\nText', /not valid YAML/],
    ['a level-1 heading', `${front}\n# Title again\n`, /use ## and ###/],
    ['an ArticleLink without id', `${front}\n<ArticleLink />\n`, /needs an id/],
    ['a Figure without alt', `${front}\n<Figure src="/x.png" />\n`, /non-empty alt/],
    ['invalid MDX', `${front}\n<Callout>\nunclosed\n`, /not valid MDX/],
  ])('rejects %s', (_name, source, message) => {
    expect(() => parseArticleSource(source)).toThrow(SourceError);
    expect(() => parseArticleSource(source)).toThrow(message);
  });
});
