import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserPath, type BrowserName } from '../../scripts/browser/browser-path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILDS: Record<BrowserName, string> = { chromium: 'chrome-mv3', firefox: 'firefox-mv2' };

// The e2e tests load the built extension in the project's browser: fail at once, with the fix,
// when the browser or the build is missing.
export default function setup(project: TestProject) {
  const browser: BrowserName = project.name === 'firefox' ? 'firefox' : 'chromium';
  browserPath(browser);
  const build = BUILDS[browser];
  const manifest = path.join(ROOT, process.env.DRAMALENS_OUT ?? '.output', build, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No built extension at .output/${build}: run \`npm run build\` before \`npm test\`.`);
  }
  if (
    browser === 'firefox' &&
    !readdirSync(path.dirname(path.dirname(manifest))).some((f) => f.endsWith('-firefox.zip'))
  ) {
    throw new Error(
      'No zipped Firefox build in .output (Firefox installs the zip): run `npm run build` before `npm test`.',
    );
  }
  // Fixture pages are built from ../shared/seeds (read in place, never copied into the repo).
  if (!existsSync(path.resolve(ROOT, '../shared/seeds'))) {
    throw new Error(`No ../shared/seeds next to ${ROOT}: the e2e fixtures read the shared seed articles from there.`);
  }
  mkdirSync(path.join(ROOT, 'artifacts/screenshots'), { recursive: true });
}
