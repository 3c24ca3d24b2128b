import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { defaultLocale, locales } from './locales';

type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'locales', `${locale}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** Arguments, tags and plural selectors a message uses, to compare translations with the source. */
function describeMessage(elements: MessageFormatElement[], locale: string, problems: string[]) {
  const args = new Set<string>();
  const tags = new Set<string>();
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (node.type === TYPE.argument || node.type === TYPE.number || node.type === TYPE.date || node.type === TYPE.time) {
        args.add(node.value);
      } else if (node.type === TYPE.tag) {
        tags.add(node.value);
        walk(node.children);
      } else if (node.type === TYPE.plural) {
        args.add(node.value);
        if (node.pluralType === 'cardinal') {
          const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
          for (const category of required) {
            if (!(category in node.options)) problems.push(`plural {${node.value}} lacks the "${category}" form ${locale} needs`);
          }
        }
        for (const option of Object.values(node.options)) walk(option.value);
      } else if (node.type === TYPE.select) {
        args.add(node.value);
        for (const option of Object.values(node.options)) walk(option.value);
      }
    }
  };
  walk(elements);
  return { args: [...args].sort(), tags: [...tags].sort() };
}

/** Strings that are the same in every language: names, not words to translate. */
const sameInEveryLanguage = new Set(['Meta.siteName', 'Header.siteName', 'Meta.titleTemplate']);

const source = flatten(load(defaultLocale));

describe.each(locales)('locales/%s.json', (locale) => {
  const messages = flatten(load(locale));

  it('has exactly the keys of en.json', () => {
    expect([...messages.keys()].filter((k) => !source.has(k))).toEqual([]);
    expect([...source.keys()].filter((k) => !messages.has(k))).toEqual([]);
  });

  it('has valid ICU messages with the arguments, tags and plural forms of the source', () => {
    const problems: string[] = [];
    for (const [key, value] of messages) {
      const english = source.get(key);
      if (english === undefined) continue;
      let shape, englishShape;
      try {
        const local: string[] = [];
        shape = describeMessage(parse(value), locale, local);
        englishShape = describeMessage(parse(english), defaultLocale, []);
        problems.push(...local.map((p) => `${key}: ${p}`));
      } catch (error) {
        problems.push(`${key}: not valid ICU (${(error as Error).message})`);
        continue;
      }
      if (shape.args.join() !== englishShape.args.join()) {
        problems.push(`${key}: arguments {${shape.args.join(', ')}} differ from English {${englishShape.args.join(', ')}}`);
      }
      if (shape.tags.join() !== englishShape.tags.join()) {
        problems.push(`${key}: rich-text tags <${shape.tags.join(', ')}> differ from English <${englishShape.tags.join(', ')}>`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(locale === defaultLocale)('is translated (no string left identical to English)', () => {
    const untranslated = [...messages].filter(
      ([key, value]) => value === source.get(key) && !sameInEveryLanguage.has(key) && /\p{L}{3}/u.test(value),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
