import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from './catalog';

const contentRoot = path.join(process.cwd(), 'content', 'articles');

/** Every `content/articles/<folder>/<locale>.mdx`, read from disk (build time and tests only). */
export function readArticleSources(root: string = contentRoot): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = path.join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const file = path.join(dir, name);
      files.push({
        path: path.relative(process.cwd(), file),
        folder,
        fileLocale: name.slice(0, -'.mdx'.length),
        source: readFileSync(file, 'utf8'),
      });
    }
  }
  return files;
}
