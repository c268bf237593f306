/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionSession } from '../../scripts/browser/harness';

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

  it('popup searches the bundled index and shows a drama’s card with its air status', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.locator('[data-ready]').waitFor();
    await page.getByRole('combobox').fill('nevertheless');
    const result = page.locator('.result[data-entity-id="nevertheless"]');
    await expect.poll(() => result.textContent()).toContain('알고있지만');
    await page.getByRole('combobox').press('Enter');
    const card = page.locator('.entity-card[data-entity-id="nevertheless"]');
    await expect.poll(() => card.textContent()).toMatch(/Finished/);
    expect(await card.locator('.chips li').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'popup-smoke');
    await page.close();
  });

  it('options lists the dramas and finds one', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => page.locator('[data-drama-id]').count()).toBeGreaterThanOrEqual(30);
    await page.getByRole('searchbox').fill('hotel del luna');
    await expect.poll(() => page.locator('[data-drama-id="hotel-del-luna"]').textContent()).toContain('tvN');
    await screenshot(page, 'options-smoke');
    await page.close();
  });
});
