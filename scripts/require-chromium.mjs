// `npm test` runs real-browser tests; without a browser it stops at once with the fix, rather
// than skipping them.
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (!candidates.some((path) => existsSync(path))) {
  console.error(
    process.env.CHROME_PATH
      ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist: point it at an installed Chrome/Chromium, or run: apt-get install chromium`
      : 'Chromium not found: run `apt-get install chromium`, or set CHROME_PATH=/path/to/chrome for an installed Chrome/Chromium.',
  );
  process.exit(1);
}
