// Lints sources given as JSON on stdin, `[{ file, source }]`, each as if it were at `file`
// (with the repository's eslint.config.mjs), and prints for each the rules that report an
// error. One process for many sources: scripts/lint-layering.test.ts uses it.
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: root });
const results = [];
for (const { file, source } of JSON.parse(input)) {
  const [report] = await eslint.lintText(source, { filePath: path.join(root, file) });
  results.push((report?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? `parse error: ${m.message}`));
}
process.stdout.write(JSON.stringify(results));
