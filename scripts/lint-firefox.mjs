// `npm run lint:firefox` (part of `npm run check`): AMO's linter (addons-linter, through web-ext)
// on a Firefox build made from the sources as they are now, in a folder of its own, so the result
// never depends on a stale .output and works before any `npm run build`. Warnings fail too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const out = mkdtempSync(path.join(tmpdir(), 'dramalens-lint-'));
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let status;
try {
  status = run(bin('wxt'), ['build', '-b', 'firefox'], { DRAMALENS_OUT: out });
  if (status === 0) {
    status = run(bin('web-ext'), [
      'lint',
      '--source-dir',
      path.join(out, 'firefox-mv2'),
      '--no-config-discovery',
      '--warnings-as-errors',
    ]);
  } else console.error('lint:firefox: the Firefox build failed');
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
