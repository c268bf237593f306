// `npm run index`: build the index once; on bad data print `path:line: message` lines, exit 1.
// `--root <dir>` reads <dir>/data instead of the project's (used by tests), `--out <dir>` writes there.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndexFiles, IndexBuildError } from './index-builder/index';

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
try {
  await buildIndexFiles({ root, outDir: values.out && path.resolve(values.out), log: (line) => console.log(line) });
} catch (error) {
  if (error instanceof IndexBuildError) {
    for (const line of error.message.split('\n')) console.error(line);
    console.error(`index build failed: ${error.problems.length} problem(s), nothing written`);
    process.exit(1);
  }
  throw error;
}
