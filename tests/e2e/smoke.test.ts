/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionSession } from './harness';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchWithExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('the built extension in Chromium', () => {
  it('starts its service worker', async () => {
    const worker = await session.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Dramalens');
  });

  it('popup renders dramas from the bundled index with their air status', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const rows = page.locator('[data-drama-id]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(30);
    await expect.poll(() => page.locator('[data-drama-id="nevertheless"]').textContent()).toContain('알고있지만');
    await expect.poll(() => page.locator('[data-drama-id="nevertheless"]').textContent()).toMatch(/Finished/);
    await screenshot(page, 'popup-smoke');
    await page.close();
  });

  it('options lists every drama in the index', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBeGreaterThanOrEqual(30);
    await expect.poll(() => page.locator('[data-drama-id="hotel-del-luna"]').textContent()).toContain('tvN');
    await screenshot(page, 'options-smoke');
    await page.close();
  });
});
