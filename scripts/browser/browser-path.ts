import { existsSync } from 'node:fs';

/** The browsers the e2e tests drive with the built extension. */
export type BrowserName = 'chromium' | 'firefox';

interface BrowserInstall {
  env: string;
  paths: string[];
  fix: string;
}

// scripts/require-browsers.mjs keeps the same list: it runs before anything is compiled.
const INSTALLS: Record<BrowserName, BrowserInstall> = {
  chromium: {
    env: 'CHROME_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    fix: 'run `apt-get install chromium` or set CHROME_PATH',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    // The binary itself: /usr/bin/firefox-esr is a shell wrapper around it.
    paths: ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'],
    fix: 'run `apt-get install firefox-esr` or set FIREFOX_PATH',
  },
};

/** Where `browser` is installed: its environment variable (CHROME_PATH, FIREFOX_PATH), else Debian's package. */
export function browserPath(browser: BrowserName): string {
  const install = INSTALLS[browser];
  const candidates = [process.env[install.env], ...install.paths].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`${browser === 'chromium' ? 'Chromium' : 'Firefox'} not found: ${install.fix}`);
  return found;
}

/** The browser e2e tests drive: CHROME_PATH, else Debian's Chromium. */
export function chromiumPath(): string {
  return browserPath('chromium');
}
