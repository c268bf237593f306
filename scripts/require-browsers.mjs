// `npm test` runs real-browser tests in Chromium and Firefox; without either browser it stops at
// once with the fix, rather than skipping them. (scripts/browser/browser-path.ts has the same list.)
import { existsSync } from 'node:fs';

const browsers = [
  {
    name: 'Chromium',
    env: 'CHROME_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    apt: 'chromium',
    what: 'an installed Chrome/Chromium',
  },
  {
    name: 'Firefox',
    env: 'FIREFOX_PATH',
    paths: ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'],
    apt: 'firefox-esr',
    what: 'an installed Firefox (ESR 153 or later)',
  },
];

let missing = false;
for (const { name, env, paths, apt, what } of browsers) {
  const given = process.env[env];
  if ([given, ...paths].some((path) => path && existsSync(path))) continue;
  missing = true;
  console.error(
    given
      ? `${env}=${given} does not exist: point it at ${what}, or run: apt-get install ${apt}`
      : `${name} not found: run \`apt-get install ${apt}\`, or set ${env}=/path/to/${apt} for ${what}.`,
  );
}
if (missing) process.exit(1);
