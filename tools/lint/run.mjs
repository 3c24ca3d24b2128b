// `npm run lint`: ESLint over the repository, then a check that every entry of
// pendingFindings (eslint.config.mjs) still matches a finding. An entry whose
// file is clean or gone is stale: it would quietly turn a new error in that file
// into a warning, so lint fails until it is deleted.
import { ESLint } from 'eslint';
import path from 'node:path';
import { pendingFindings } from '../../eslint.config.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// No cache: the layering rules read the files a file imports, which a cache keyed on the
// file's own content would not notice changing.
const eslint = new ESLint({ cwd: root });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
if (output) console.log(output);

const stale = pendingFindings.filter(
  ({ file, rule }) =>
    !results.some(
      (result) => path.relative(root, result.filePath) === file && result.messages.some((message) => message.ruleId === rule),
    ),
);
for (const { file, rule } of stale) console.error(`Stale pending finding: ${file} is clean of ${rule}; delete its entry in eslint.config.mjs.`);

const errors = results.reduce((sum, result) => sum + result.errorCount + result.fatalErrorCount, 0);
process.exitCode = errors > 0 || stale.length > 0 ? 1 : 0;
