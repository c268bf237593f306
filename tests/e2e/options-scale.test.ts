/// <reference types="chrome" />
// The options page with 2,500 dramas (the real catalog plus copies marked synthetic): search,
// filters and following stay right at catalog scale.
import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER,
  EXTENSION_DIRS,
  launchWithExtension,
  screenshot,
  type ExtensionSession,
} from '../../scripts/browser/harness';
import { extensionWithSyntheticCatalog } from '../../scripts/browser/synthetic-catalog';

const DRAMAS = 2_500;
let session: ExtensionSession;
let dir: string;

beforeAll(async () => {
  dir = extensionWithSyntheticCatalog(EXTENSION_DIRS[BROWSER], DRAMAS);
  session = await launchWithExtension({ extensionDir: dir, viewport: { width: 1100, height: 800 } });
});
afterAll(async () => {
  await session?.close();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('the options page at 2,500 dramas', () => {
  it('searches all of them, filters, and follows one', async () => {
    const { page } = await session.openExtensionPage('options.html');
    await page.locator('tbody [data-drama-id]').first().waitFor();
    await page.getByLabel('Catalog').selectOption('all');
    const counts = page.getByTestId('drama-counts');
    await expect.poll(() => counts.textContent()).toMatch(/^2500 dramas · showing the first 40/);
    const rows = page.locator('tbody [data-drama-id]');
    const search = page.getByRole('searchbox');
    // One synthetic copy by its number.
    await search.fill('(synthetic 700)');
    await expect.poll(() => rows.count()).toBe(1);
    // A real drama with a copy (the first copies are of the catalog's first dramas): both by Hangul.
    const catalog = JSON.parse(readFileSync(path.join(dir, 'catalog.json'), 'utf8')) as {
      dramas: { id: string; title: string; hangul?: string; castNames: string }[];
    };
    const real = catalog.dramas.slice(0, 800).find((d) => d.hangul && d.castNames && !d.id.startsWith('db-'))!;
    const copy = catalog.dramas.find((d) => d.id.startsWith('synthetic-') && d.id.endsWith(`-${real.id}`))!;
    const ids = () => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-drama-id')));
    await search.fill(real.hangul!);
    await expect.poll(ids).toEqual(expect.arrayContaining([real.id, copy.id]));
    // Cast search reaches the copy too.
    await search.fill(real.castNames.split('|')[0]);
    await expect.poll(ids).toEqual(expect.arrayContaining([real.id, copy.id]));
    await page.getByLabel(`My status for ${real.title}`, { exact: true }).selectOption('watching');
    await expect
      .poll(async () => (await session.privileged()).evaluate(() => chrome.storage.sync.get('follows')))
      .toEqual({ follows: { list: `${real.id}:w`, overflow: 0 } });
    await search.fill('');
    await page.getByRole('button', { name: /^My dramas \(1\)/ }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'options-2500-dramas');
  });
});
