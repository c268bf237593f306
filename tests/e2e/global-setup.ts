import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath } from '../../scripts/browser/browser-path';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The e2e tests load the built extension: fail at once, with the fix, when it is missing.
export default function setup() {
  chromiumPath();
  const manifest = path.join(ROOT, process.env.DRAMALENS_OUT ?? '.output', 'chrome-mv3/manifest.json');
  if (!existsSync(manifest)) {
    throw new Error('No built extension at .output/chrome-mv3: run `npm run build` before `npm test`.');
  }
  // Fixture pages are built from ../shared/seeds (read in place, never copied into the repo).
  if (!existsSync(path.resolve(ROOT, '../shared/seeds'))) {
    throw new Error(`No ../shared/seeds next to ${ROOT}: the e2e fixtures read the shared seed articles from there.`);
  }
  mkdirSync(path.join(ROOT, 'artifacts/screenshots'), { recursive: true });
}
