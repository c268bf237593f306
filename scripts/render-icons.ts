// Renders store/icon.svg to public/icon/<size>.png in real Chromium (transparent corners), the
// sizes the Chrome Web Store and AMO ask for. WXT finds public/icon/<size>.png and lists them in
// the manifest's `icons`. The PNGs are committed: run this after changing the SVG.
//   npx tsx scripts/render-icons.ts
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './browser/browser-path';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const ROOT = path.resolve(import.meta.dirname, '..');
const svg = await readFile(path.join(ROOT, 'store/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}</body></html>`,
    );
    await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
