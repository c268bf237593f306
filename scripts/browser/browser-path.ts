import { existsSync } from 'node:fs';

/** The browser e2e tests drive: CHROME_PATH, else Debian's Chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run `apt-get install chromium` or set CHROME_PATH');
  return found;
}
